// Writes a "next version" of the bundled Emporix spec for the drift example (README, "Spec drift"):
//   node examples/drift/next-emporix-spec.mjs OUT.yaml
// Two changes a vendor might publish: pageSize at most 50 (was 60), and a new required field `channel` on create.
// Edited as text, so that `diff specs/emporix.yaml OUT.yaml` shows only these changes.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.argv[2];
if (out === undefined) throw new Error('usage: node examples/drift/next-emporix-spec.mjs OUT.yaml');
let text = readFileSync(new URL('../../specs/emporix.yaml', import.meta.url), 'utf8');
const replaceOnce = (from, to) => {
  if (text.split(from).length !== 2) throw new Error(`the bundled spec no longer holds exactly one ${JSON.stringify(from)}: update this example`);
  text = text.replace(from, to);
};
replaceOnce('  version: unversioned\n', '  version: unversioned-next\n');
replaceOnce('        maximum: 60\n        default: 60\n        examples: [60]\n', '        maximum: 50\n        default: 50\n        examples: [50]\n');
replaceOnce(
  '      required: [orders, reason]\n      properties:\n',
  '      required: [orders, reason, channel]\n      properties:\n        channel:\n          type: string\n          description: Sales channel the return came through.\n          examples: [web]\n',
);
writeFileSync(out, text);
