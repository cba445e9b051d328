package com.acme;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Reading;
import dev.courier.SendMode;
import dev.courier.Timestamp;

// Strict reading: shipments are keyed in by hand from carriers' files, where a misspelt member should stop the line.
@KafkaMessage(
    topic = "shipments",
    sendMode = SendMode.FIRE_AND_FORGET,
    lingerMs = 20,
    batchSize = 262144,
    reading = Reading.STRICT)
public class Shipment {
  private long shipmentId;
  private String carrier;
  private byte[] signature;
  private long shippedAt;

  public Shipment() {}

  @PartitionKey
  public long getShipmentId() {
    return shipmentId;
  }

  public void setShipmentId(long shipmentId) {
    this.shipmentId = shipmentId;
  }

  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
  }

  @Header("signature")
  public byte[] getSignature() {
    return signature;
  }

  public void setSignature(byte[] signature) {
    this.signature = signature;
  }

  @Timestamp
  public long getShippedAt() {
    return shippedAt;
  }

  public void setShippedAt(long shippedAt) {
    this.shippedAt = shippedAt;
  }
}
