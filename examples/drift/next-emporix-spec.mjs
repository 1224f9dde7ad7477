// Writes a "next version" of the bundled Emporix spec for the drift example (README, "Spec drift"):
//   node examples/drift/next-emporix-spec.mjs OUT.yaml
// Two changes a vendor might publish: pageSize at most 50 (was 60), and a new required field `channel` on create.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const out = process.argv[2];
if (out === undefined) throw new Error('usage: node examples/drift/next-emporix-spec.mjs OUT.yaml');
const doc = parseDocument(readFileSync(new URL('../../specs/emporix.yaml', import.meta.url), 'utf8'));
const set = (path, value) => {
  if (!doc.hasIn(path.slice(0, -1))) throw new Error(`the bundled spec has no ${path.slice(0, -1).join('.')}: update this example`);
  doc.setIn(path, value);
};
set(['info', 'version'], `${doc.getIn(['info', 'version'])}-next`);
set(['components', 'parameters', 'pageSize', 'schema', 'maximum'], 50);
set(['components', 'parameters', 'pageSize', 'schema', 'default'], 50);
set(['components', 'parameters', 'pageSize', 'schema', 'examples'], [50]);
set(['components', 'schemas', 'CreateReturn', 'properties', 'channel'], { type: 'string', description: 'Sales channel the return came through.', examples: ['web'] });
set(['components', 'schemas', 'CreateReturn', 'required'], [...(doc.getIn(['components', 'schemas', 'CreateReturn', 'required'])?.toJSON() ?? []), 'channel']);
// Keep the bundled file's layout, so a diff of the two shows only the changes.
writeFileSync(out, doc.toString({ flowCollectionPadding: false, lineWidth: 0 }));
