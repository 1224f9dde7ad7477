import type { Faker } from '@faker-js/faker';

type Range = [number, number];
type Node =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'set'; ranges: Range[]; negated: boolean }
  | { kind: 'alt'; options: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number | undefined };

const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: Range[] = [[32, 32]];
const LETTER: Range[] = [
  [65, 90],
  [97, 122],
];
// Characters a negated class or `.` draws from: readable ASCII, so a faked value still looks like data.
const PRINTABLE: Range[] = [
  [48, 57],
  [65, 90],
  [97, 122],
  [45, 45],
  [95, 95],
  [46, 46],
  [32, 32],
];
const ESCAPED_SETS: Record<string, { ranges: Range[]; negated: boolean }> = {
  d: { ranges: DIGIT, negated: false },
  D: { ranges: DIGIT, negated: true },
  w: { ranges: WORD, negated: false },
  W: { ranges: WORD, negated: true },
  s: {
    ranges: [
      [9, 13],
      [32, 32],
    ],
    negated: false,
  },
  S: {
    ranges: [
      [9, 13],
      [32, 32],
    ],
    negated: true,
  },
};
const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/**
 * Draws a string for an ECMAScript regex with faker's randomness: alternation, groups, classes, escapes and quantifiers.
 * Faker's `fromRegExp` knows no groups, alternation or `\d`, which real spec patterns use. Lookarounds and
 * back-references are skipped: the caller tests the result and retries.
 */
export function samplePattern(faker: Faker, pattern: string, extraRepeats = 3): string {
  const parser = { source: pattern, at: 0 };
  const tree = parseAlternation(parser);
  return generate(faker, tree, extraRepeats);
}

function generate(faker: Faker, node: Node, extra: number): string {
  switch (node.kind) {
    case 'empty':
      return '';
    case 'text':
      return node.text;
    case 'set':
      return drawFromSet(faker, node.ranges, node.negated);
    case 'alt':
      return faker.helpers
        .arrayElement(node.options)
        .map((child) => generate(faker, child, extra))
        .join('');
    case 'repeat': {
      const count = faker.number.int({ min: node.min, max: Math.max(node.min, node.max ?? node.min + extra) });
      return Array.from({ length: count }, () => generate(faker, node.node, extra)).join('');
    }
  }
}

function drawFromSet(faker: Faker, ranges: Range[], negated: boolean): string {
  const inside = (code: number) => ranges.some(([lo, hi]) => code >= lo && code <= hi);
  if (negated) {
    const pool = PRINTABLE.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)).filter((code) => !inside(code));
    return pool.length === 0 ? '~' : String.fromCodePoint(faker.helpers.arrayElement(pool));
  }
  // Prefer readable ASCII within the class (`[\s\S]`, `\p{L}`), and a plain space over other whitespace.
  const readable = ranges.map(([lo, hi]): Range => [Math.max(lo, 32), Math.min(hi, 126)]).filter(([lo, hi]) => lo <= hi);
  const usable = readable.length > 0 ? readable : ranges;
  if (usable.length === 0) return '';
  // Uniform over the characters, not the ranges: `[0-9 ]` should mostly give digits.
  let pick = faker.number.int({ min: 0, max: usable.reduce((sum, [lo, hi]) => sum + hi - lo + 1, 0) - 1 });
  for (const [lo, hi] of usable) {
    if (pick <= hi - lo) return String.fromCodePoint(lo + pick);
    pick -= hi - lo + 1;
  }
  return '';
}

interface Parser {
  source: string;
  at: number;
}

function parseAlternation(p: Parser): Node {
  const options: Node[][] = [parseSequence(p)];
  while (p.source[p.at] === '|') {
    p.at += 1;
    options.push(parseSequence(p));
  }
  return { kind: 'alt', options };
}

function parseSequence(p: Parser): Node[] {
  const nodes: Node[] = [];
  while (p.at < p.source.length && p.source[p.at] !== '|' && p.source[p.at] !== ')') {
    const atom = parseAtom(p);
    nodes.push(parseQuantifier(p, atom));
  }
  return nodes;
}

function parseAtom(p: Parser): Node {
  const char = p.source[p.at]!;
  p.at += 1;
  if (char === '^' || char === '$') return { kind: 'empty' };
  if (char === '.') return { kind: 'set', ranges: PRINTABLE, negated: false };
  if (char === '[') return parseClass(p);
  if (char === '\\') return parseEscape(p, false);
  if (char === '(') {
    let lookaround = false;
    if (p.source[p.at] === '?') {
      const rest = p.source.slice(p.at);
      lookaround = /^\?(=|!|<=|<!)/.test(rest);
      const named = /^\?<[A-Za-z_$][\w$]*>/.exec(rest);
      p.at += named !== null ? named[0].length : lookaround ? (rest[1] === '<' ? 3 : 2) : rest.startsWith('?:') ? 2 : 1;
    }
    const inner = parseAlternation(p);
    if (p.source[p.at] === ')') p.at += 1;
    return lookaround ? { kind: 'empty' } : inner;
  }
  return { kind: 'text', text: char };
}

function parseQuantifier(p: Parser, node: Node): Node {
  const char = p.source[p.at];
  let min: number;
  let max: number | undefined;
  if (char === '*' || char === '+' || char === '?') {
    p.at += 1;
    [min, max] = char === '*' ? [0, undefined] : char === '+' ? [1, undefined] : [0, 1];
  } else {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(p.source.slice(p.at));
    if (braces === null) return node;
    p.at += braces[0].length;
    min = Number(braces[1]);
    max = braces[2] === undefined ? min : braces[3] === '' ? undefined : Number(braces[3]);
  }
  if (p.source[p.at] === '?') p.at += 1; // lazy: same strings
  return node.kind === 'empty' ? node : { kind: 'repeat', node, min, max };
}

function parseEscape(p: Parser, inClass: boolean): Node {
  const char = p.source[p.at] ?? '\\';
  p.at += 1;
  const set = ESCAPED_SETS[char];
  if (set !== undefined) return { kind: 'set', ...set };
  if (char in CONTROL) return { kind: 'text', text: CONTROL[char]! };
  if (!inClass && (char === 'b' || char === 'B')) return { kind: 'empty' };
  if (!inClass && /[1-9]/.test(char)) return { kind: 'empty' };
  if (char === 'p' || char === 'P') {
    const braces = /^\{([^}]*)\}/.exec(p.source.slice(p.at));
    if (braces !== null) p.at += braces[0].length;
    return { kind: 'set', ranges: unicodeProperty(braces?.[1] ?? 'L'), negated: char === 'P' };
  }
  const hex = char === 'x' ? /^[0-9a-fA-F]{2}/.exec(p.source.slice(p.at)) : char === 'u' ? /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(p.source.slice(p.at)) : null;
  if (hex !== null) {
    p.at += hex[0].length;
    return { kind: 'text', text: String.fromCodePoint(parseInt(hex[0].replace(/[{}]/g, ''), 16)) };
  }
  return { kind: 'text', text: char };
}

/** ASCII stand-ins for the Unicode properties patterns use most (`\p{Lu}`, `\p{L}`, `\p{N}`); other properties count as letters. */
function unicodeProperty(name: string): Range[] {
  const bare = name.replace(/^(General_Category|gc)=/, '');
  if (/^(Lu|Uppercase_Letter|Uppercase)$/.test(bare)) return [[65, 90]];
  if (/^(Ll|Lowercase_Letter|Lowercase)$/.test(bare)) return [[97, 122]];
  if (/^(N|Nd|Number|Decimal_Number|digit)$/.test(bare)) return DIGIT;
  if (/^(P|Punctuation)$/.test(bare))
    return [
      [33, 35],
      [37, 42],
      [44, 47],
      [58, 59],
      [63, 64],
    ];
  if (/^(Z|Zs|Separator|Space_Separator|White_Space)$/.test(bare)) return SPACE;
  return LETTER;
}

function parseClass(p: Parser): Node {
  const negated = p.source[p.at] === '^';
  if (negated) p.at += 1;
  const ranges: Range[] = [];
  const excluded: Range[] = [];
  while (p.at < p.source.length && p.source[p.at] !== ']') {
    let lo: number;
    if (p.source[p.at] === '\\') {
      p.at += 1;
      const escaped = parseEscape(p, true);
      if (escaped.kind === 'set') {
        // `[^\D]`-style double negations are rare; a negated escape inside a class counts as its readable complement.
        (escaped.negated ? excluded : ranges).push(...escaped.ranges);
        continue;
      }
      lo = escaped.kind === 'text' ? escaped.text.codePointAt(0)! : 0;
    } else {
      lo = p.source.codePointAt(p.at)!;
      p.at += lo > 0xffff ? 2 : 1;
    }
    let hi = lo;
    if (p.source[p.at] === '-' && p.source[p.at + 1] !== ']' && p.at + 1 < p.source.length) {
      p.at += 1;
      if (p.source[p.at] === '\\') {
        p.at += 1;
        const escaped = parseEscape(p, true);
        hi = escaped.kind === 'text' ? escaped.text.codePointAt(0)! : lo;
      } else {
        hi = p.source.codePointAt(p.at)!;
        p.at += hi > 0xffff ? 2 : 1;
      }
    }
    ranges.push([Math.min(lo, hi), Math.max(lo, hi)]);
  }
  p.at += 1;
  if (excluded.length > 0) {
    const complement = PRINTABLE.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i))
      .filter((code) => !excluded.some(([a, b]) => code >= a && code <= b))
      .map((code): Range => [code, code]);
    ranges.push(...complement);
  }
  return { kind: 'set', ranges, negated };
}
