package corpus;

import javax.annotation.processing.Generated;

/** Left over from an earlier build: Courier's own output, given to the compiler as a source. */
@Generated("dev.courier.processor.CourierProcessor")
public final class StaleOutputProducer {}
