import * as comparatorModule from '@pactflow/openapi-pact-comparator';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ComparatorResult {
  type: 'error' | 'warning';
  code: string;
  message: string;
}

// The package's index.d.ts re-exports './compare' without an extension, which NodeNext cannot follow: its types arrive empty.
const { Comparator } = comparatorModule as unknown as { Comparator: new (oas: unknown) => { compare(pact: unknown): AsyncGenerator<ComparatorResult> } };

/** Every finding of PactFlow's openapi-pact-comparator for a pact against a bundled vendor spec (or a spec file). */
export async function comparePact(specFile: string, pact: unknown): Promise<ComparatorResult[]> {
  const results: ComparatorResult[] = [];
  for await (const result of new Comparator(parse(readFileSync(specFile, 'utf8'))).compare(pact)) results.push(result);
  return results;
}
