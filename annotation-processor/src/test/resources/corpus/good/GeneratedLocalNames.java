package corpus;

import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.Timestamp;
import java.util.List;

/**
 * Valid odd construct: members named like the locals, parameters and fields of generated code, and a primitive
 * member next to one named like its "seen" flag.
 *
 * @param parser named like the deserializer's parser
 * @param where named like the error location
 * @param member named like the member loop variable
 * @param generator named like the serializer's generator
 * @param value named like a parameter
 * @param data named like deserialize's data
 * @param topic named like a parameter
 * @param message named like send's parameter
 * @param producer named like the producer's field
 * @param headers named like the record's headers
 * @param key named like the key
 * @param record named like the record
 * @param count a primitive
 * @param countSeen named like count's flag
 * @param json named like the runtime class
 * @param list a list
 * @param timestamp the timestamp
 */
@KafkaMessage(topic = "local-names")
public record GeneratedLocalNames(
    @PartitionKey String parser,
    String where,
    String member,
    String generator,
    String value,
    String data,
    @Header("topic") String topic,
    String message,
    String producer,
    String headers,
    String key,
    String record,
    int count,
    boolean countSeen,
    String json,
    List<String> list,
    @Timestamp long timestamp) {}
