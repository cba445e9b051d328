// The module of ModularApplicationIT's application (quoted in the README).
module com.acme.orders {
  requires dev.courier;
  requires kafka.clients;
  requires com.fasterxml.jackson.core; // the generated JSON codec
  requires org.slf4j;                  // kafka-clients and courier-config log with it
}
