import { describe, expect, it } from 'vitest';
import { buildOptionsSchema } from '../../src/options/options-schema.js';
import { compileOptionsSchema } from '../../src/validate/compile-options-schema.js';

const VENDORS = ['jtl', 'intershop', 'emporix', 'shopctrl'];

describe('compileOptionsSchema', () => {
  // Start-up compiles without the meta-schema check; this is where the schema's own validity is held.
  it.each(['api', 'config'] as const)('the %s options schema is valid JSON Schema 2020-12', (target) => {
    expect(() => compileOptionsSchema(buildOptionsSchema(target, VENDORS), { checkSchema: true })).not.toThrow();
  });

  it('a schema that breaks the meta-schema fails the check', () => {
    expect(() => compileOptionsSchema({ type: 'object', properties: { seed: { type: 'whole number' } } }, { checkSchema: true })).toThrow(/schema is invalid/);
  });

  it('returns every error with its pointer', () => {
    const check = compileOptionsSchema(buildOptionsSchema('api', VENDORS));
    const errors = check({ seed: -5, port: 'x' });
    expect(errors.map((error) => error.pointer).sort()).toEqual(['/port', '/seed']);
  });
});
