// Cross-checks Courier's Schema Registry wire format against Confluent's own
// JavaScript client (@confluentinc/schemaregistry), so the Java ITs prove that a
// non-Java consumer/producer agrees with us byte for byte.
//
//   node client.mjs deserialize <registryBaseUrl> <topic> <hex> [<hex> ...]
//     prints JSON.stringify of each decoded value, one line per value
//   node client.mjs serialize <registryBaseUrl> <topic> <json>
//     prints the framed value bytes as lowercase hex
//
// On any failure prints `ERROR <message>` and exits 1. Errors go to stdout like
// the results, so the IT reads a single stream.
import {
  JsonDeserializer,
  JsonSerializer,
  SchemaRegistryClient,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';

const [mode, baseUrl, topic, ...rest] = process.argv.slice(2);

// No retries: a missing id is a 404 (never retried anyway), and a dead
// registry should fail the IT at once instead of after seconds of backoff.
const client = new SchemaRegistryClient({ baseURLs: [baseUrl], maxRetries: 0 });

const serdeConf = {
  // Name TOPIC explicitly: this version defaults to ASSOCIATED, which first
  // asks the registry's /associations endpoint (Confluent-only) and then falls
  // back to <topic>-value; we want exactly <topic>-value.
  subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  // Check every payload against the registered schema with the library's
  // own (Ajv-based) validator, not just parse it.
  validate: true,
  // These options reach Ajv, which (strict by default, and shipped without
  // ajv-formats) rejects the whole schema on an unknown format. Teach it the one
  // Courier emits, RFC 3339 date-time, rather than switching format checks off.
  // Ajv's strict mode also refuses keywords it does not know; Courier's two annotations (x-courier-topic,
  // x-courier-key: the topic and key that the build's evolution check compares) are legal JSON Schema
  // annotations, declared here as such. A consumer that validates needs the same two options.
  keywords: ['x-courier-topic', 'x-courier-key'],
  formats: {
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
  },
};

function fromHex(hex) {
  // Buffer.from(..., 'hex') silently stops at the first bad digit; refuse instead.
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not a hex string: ${hex}`);
  return Buffer.from(hex, 'hex');
}

async function main() {
  if (mode === 'deserialize' && baseUrl && topic && rest.length > 0) {
    const deser = new JsonDeserializer(client, SerdeType.VALUE, serdeConf);
    for (const hex of rest) {
      console.log(JSON.stringify(await deser.deserialize(topic, fromHex(hex))));
    }
  } else if (mode === 'serialize' && baseUrl && topic && rest.length === 1) {
    const ser = new JsonSerializer(client, SerdeType.VALUE, {
      ...serdeConf,
      // Write with the schema the IT registered; never register one of our own.
      useLatestVersion: true,
      autoRegisterSchemas: false,
    });
    console.log((await ser.serialize(topic, JSON.parse(rest[0]))).toString('hex'));
  } else {
    throw new Error('usage: client.mjs deserialize <url> <topic> <hex>... | serialize <url> <topic> <json>');
  }
}

main().catch((err) => {
  console.log(`ERROR ${err?.message ?? err}`);
  process.exitCode = 1;
});
