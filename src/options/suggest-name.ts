import { closest, distance } from 'fastest-levenshtein';

/** The known name closest to a mistyped one, if it is close enough to be what was meant (`prot` → `port`). */
export function suggestName(typed: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(
    typed.toLowerCase(),
    known.map((name) => name.toLowerCase()),
  );
  const match = known.find((name) => name.toLowerCase() === best)!;
  return distance(typed.toLowerCase(), best) <= Math.max(2, Math.floor(typed.length / 3)) ? match : undefined;
}

/** ` (did you mean X?)` or nothing. */
export const didYouMean = (typed: string, known: readonly string[], show: (name: string) => string = (name) => `'${name}'`): string => {
  const suggestion = suggestName(typed, known);
  return suggestion === undefined ? '' : ` (did you mean ${show(suggestion)}?)`;
};
