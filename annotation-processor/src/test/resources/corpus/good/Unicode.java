package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.Map;

/**
 * Valid odd construct: non-ASCII and dollar signs in type and member names (JSON member names are the Java names).
 *
 * @param straße the key
 * @param größe a number
 * @param cost$ a dollar sign
 * @param 名前 CJK
 * @param über a header
 * @param maß a map
 */
@KafkaMessage(topic = "unicode-names")
public record Unicode(
    @PartitionKey String straße,
    int größe,
    double cost$,
    String 名前,
    @Header("ueber") String über,
    Map<String, Größe> maß) {

  /**
   * A nested type with a non-ASCII name.
   *
   * @param wert a value
   */
  public record Größe(long wert) {}
}
