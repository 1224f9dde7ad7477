import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_USAGE } from '../../src/cli/help-text.js';
import { buildOptionsSchema } from '../../src/options/options-schema.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { runCli } from '../helpers/spawn-cli.js';

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

describe('what is written from the option table (npm run write-config-schema) matches it', () => {
  it('returns-mock.config.schema.json is the config file schema', () => {
    expect(JSON.parse(read('returns-mock.config.schema.json'))).toEqual(
      buildOptionsSchema(
        'config',
        vendorPlugins.map((plugin) => plugin.id),
      ),
    );
  });

  it("README.md's option block is `returns-mock help serve`", async () => {
    const block = /<!-- serve options:[^\n]*-->\n```text\n([\s\S]*?)```\n<!-- end serve options -->/.exec(read('README.md'));
    expect(block?.[1]).toBe(SERVE_USAGE);
    expect((await runCli(['help', 'serve'])).stdout).toBe(`${SERVE_USAGE}\n`);
  });
});
