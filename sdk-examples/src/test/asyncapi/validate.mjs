// Parses and validates an AsyncAPI document with the AsyncAPI project's parser (its schema and Spectral rules).
// Prints every diagnostic; exits 1 when there is an error, or a warning (the generated document should have none).
import { Parser, fromFile } from '@asyncapi/parser';

const path = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, path).parse();
const names = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${names[d.severity]} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
const blocking = diagnostics.filter((d) => d.severity <= 1);
if (document === undefined || blocking.length > 0) {
  console.log(`INVALID: ${blocking.length} errors and warnings`);
  process.exit(1);
}
console.log(`VALID: AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${document.operations().length} operations, ${document.allMessages().length} messages`);
