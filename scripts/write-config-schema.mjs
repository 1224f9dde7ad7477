#!/usr/bin/env node
// Writes what is generated from the built option table: returns-mock.config.schema.json (the config file's JSON
// Schema, for editor completion) and README.md's block of `returns-mock help serve`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVE_USAGE } from '../dist/cli/help-text.js';
import { buildOptionsSchema } from '../dist/options/options-schema.js';
import { vendorPlugins } from '../dist/vendors/index.js';

const schemaFile = fileURLToPath(new URL('../returns-mock.config.schema.json', import.meta.url));
writeFileSync(
  schemaFile,
  `${JSON.stringify(
    buildOptionsSchema(
      'config',
      vendorPlugins.map((plugin) => plugin.id),
    ),
    null,
    2,
  )}\n`,
);
console.log(`wrote ${schemaFile}`);

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const block = /(<!-- serve options:[^\n]*-->\n)[\s\S]*?(<!-- end serve options -->)/;
const text = readFileSync(readme, 'utf8');
if (!block.test(text)) throw new Error('README.md has no <!-- serve options --> block');
writeFileSync(
  readme,
  text.replace(block, (_match, start, end) => `${start}\`\`\`text\n${SERVE_USAGE}\`\`\`\n${end}`),
);
console.log(`wrote the serve options into ${readme}`);
