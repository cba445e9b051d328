package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.List;
import java.util.Objects;

/**
 * Valid odd construct: a record with a compact constructor that validates and copies, an extra constructor, a static
 * factory, static fields and a generic method.
 *
 * @param id the key
 * @param tags copied defensively
 */
@KafkaMessage(topic = "compact")
public record CompactConstructor(@PartitionKey String id, List<String> tags) {
  /** Not a member: static. */
  public static final String KIND = "compact";

  /** Validates and copies. */
  public CompactConstructor {
    Objects.requireNonNull(id, "id");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * A second constructor.
   *
   * @param id the key
   */
  public CompactConstructor(String id) {
    this(id, List.of());
  }

  /**
   * A generic method that is no getter.
   *
   * @param <T> anything
   * @param value a value
   * @return the value
   */
  public <T> T echo(T value) {
    return value;
  }
}
