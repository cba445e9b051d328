package corpus;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.Objects;

/** Valid odd construct: a class whose members come from its superclass, with boolean is-getters and setters. */
@KafkaMessage(topic = "hierarchy")
public class ClassWithHierarchy extends ClassWithHierarchyBase {
  /** Not a member: static. */
  static int created;

  /** Not a member: transient. */
  transient String cache;

  private boolean active;

  /** For the deserializer. */
  public ClassWithHierarchy() {
    created++;
  }

  /**
   * Whether active.
   *
   * @return whether active
   */
  public boolean isActive() {
    return active;
  }

  /**
   * Sets whether active.
   *
   * @param active whether active
   */
  public void setActive(boolean active) {
    this.active = active;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassWithHierarchy c && active == c.active && Objects.equals(getId(), c.getId());
  }

  @Override
  public int hashCode() {
    return Objects.hash(active, getId());
  }
}

/** The superclass. */
class ClassWithHierarchyBase {
  @PartitionKey
  private String id;

  /**
   * The id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * Sets the id.
   *
   * @param id the id
   */
  public void setId(String id) {
    this.id = id;
  }
}
