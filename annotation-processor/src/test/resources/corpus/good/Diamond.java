package corpus;

import dev.courier.KafkaMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Valid odd construct: the same nested type reached through several paths (not recursion), an enum with constant
 * bodies and fields, arrays of arrays and deep generics.
 *
 * @param left reaches Leaf
 * @param right reaches Leaf too
 * @param leaves Leaf in a list in a map
 * @param grid arrays of arrays of a record
 * @param mood an enum with bodies
 * @param maybe an optional list
 */
@KafkaMessage(topic = "diamond")
public record Diamond(
    Diamond.Branch left,
    Diamond.Branch right,
    Map<String, List<Leaf>> leaves,
    Leaf[][] grid,
    Mood mood,
    Optional<List<Map<String, Leaf>>> maybe) {

  /**
   * A branch.
   *
   * @param leaf a leaf
   */
  public record Branch(Leaf leaf) {}

  /**
   * A leaf.
   *
   * @param value a value
   */
  public record Leaf(char value) {}

  /** An enum whose constants have bodies. */
  public enum Mood {
    /** Happy. */
    HAPPY {
      @Override
      String emoji() {
        return ":)";
      }
    },
    /** Sad. */
    SAD {
      @Override
      String emoji() {
        return ":(";
      }
    };

    abstract String emoji();
  }
}
