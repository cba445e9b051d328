package corpus;

/** A hand-written class whose name Courier would generate for Clash. */
public class ClashProducer {}
