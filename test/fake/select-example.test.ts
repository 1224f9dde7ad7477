import { describe, expect, it } from 'vitest';
import type { MediaTypeSpec } from '../../src/core/operation.js';
import { selectExample } from '../../src/fake/index.js';
import { inMemorySpec } from '../helpers/spec-tools.js';

const doc = {
  components: {
    schemas: {
      WithExamples: { type: 'object', examples: [{ from: 'schema examples' }, { from: 'second' }] },
      WithExample: { type: 'object', example: { from: 'schema example' } },
      Plain: { type: 'object' },
    },
    examples: { Shared: { summary: 'shared', value: { from: 'components/examples' } } },
  },
};

const media = (extra: Partial<MediaTypeSpec>): MediaTypeSpec => ({ mediaType: 'application/json', ...extra });

describe('selectExample', () => {
  const cases: Array<[string, MediaTypeSpec, string | undefined, ReturnType<typeof selectExample>]> = [
    ['a named example by name', media({ examples: { seed: { value: 1 }, other: { value: 2 } } }), 'other', { found: true, value: 2, name: 'other' }],
    ['an unknown name is not found, even with other examples', media({ examples: { seed: { value: 1 } }, example: 3 }), 'missing', { found: false }],
    ['a name without any examples is not found', media({ example: 3 }), 'seed', { found: false }],
    ['without a name: the first named example', media({ examples: { seed: { value: 1 }, other: { value: 2 } }, example: 3 }), undefined, { found: true, value: 1, name: 'seed' }],
    ['a named example with only externalValue is skipped', media({ examples: { remote: {}, local: { value: 'x' } } }), undefined, { found: true, value: 'x', name: 'local' }],
    [
      'a named example given as $ref is followed',
      media({ examples: { shared: { $ref: '#/components/examples/Shared' } as never } }),
      'shared',
      { found: true, value: { from: 'components/examples' }, name: 'shared' },
    ],
    [
      'then the media type example',
      media({ example: { from: 'media' }, schema: { $ref: '#/components/schemas/WithExamples' } }),
      undefined,
      { found: true, value: { from: 'media' } },
    ],
    ['a falsy media type example still counts', media({ example: 0 }), undefined, { found: true, value: 0 }],
    ['then the schema examples[0], through $ref', media({ schema: { $ref: '#/components/schemas/WithExamples' } }), undefined, { found: true, value: { from: 'schema examples' } }],
    ['then the schema example (OpenAPI 3.0)', media({ schema: { $ref: '#/components/schemas/WithExample' } }), undefined, { found: true, value: { from: 'schema example' } }],
    ['an inline schema example', media({ schema: { type: 'string', examples: ['inline'] } }), undefined, { found: true, value: 'inline' }],
    ['nothing to show', media({ schema: { $ref: '#/components/schemas/Plain' } }), undefined, { found: false }],
    ['no schema at all', media({}), undefined, { found: false }],
  ];
  it.each(cases)('%s', (_name, given, name, expected) => {
    expect(selectExample(inMemorySpec(doc).index, given, name)).toEqual(expected);
  });
});
