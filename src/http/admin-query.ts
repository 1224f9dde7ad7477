/** Checks one query value of an admin route: why it is bad (the message names the parameter), or `undefined`. */
export type QueryRule = (name: string, value: string) => string | undefined;

/** Query parameters every admin route accepts besides its own: the admin token, for the dashboard link in a browser. */
const GUARD_PARAMETERS = ['token'];

/** The longest name (vendor, tenant, client, operation) an admin filter accepts: longer is no name anyone gave. */
const MAX_NAME_LENGTH = 256;

/** Whether `value` holds a C0 control character or DEL. */
const hasControlCharacter = (value: string): boolean => [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** A name: present, not blank, without control characters, of a sane length. */
export const nameRule: QueryRule = (name, value) => {
  if (value.trim() === '') return `${name} must not be empty`;
  if (hasControlCharacter(value)) return `${name} must not contain control characters`;
  if (value.length > MAX_NAME_LENGTH) return `${name} must be at most ${MAX_NAME_LENGTH} characters long`;
  return undefined;
};

/** One of a fixed list of values (mounted vendors, report formats). */
export const oneOfRule =
  (allowed: readonly string[], what = 'one of'): QueryRule =>
  (name, value) =>
    allowed.includes(value) ? undefined : `${name} must be ${what} ${allowed.join(', ')}, not '${value.slice(0, MAX_NAME_LENGTH)}'`;

/** A whole number from `min`. */
export const wholeNumberRule =
  (min: number, what: string): QueryRule =>
  (name, value) =>
    /^\d{1,15}$/.test(value) && Number(value) >= min ? undefined : `${name} must be ${what}, not '${value.slice(0, MAX_NAME_LENGTH)}'`;

/**
 * Why an admin request's query is bad, or `undefined`: a parameter the route does not know (a typo such as `vendr`
 * would otherwise widen a reset to everything), one given twice, or a value its rule refuses.
 */
export function checkAdminQuery(url: string, rules: Readonly<Record<string, QueryRule>>): string | undefined {
  const params = new URL(url).searchParams;
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (GUARD_PARAMETERS.includes(name)) continue;
    const shown = name.slice(0, MAX_NAME_LENGTH);
    if (!Object.hasOwn(rules, name)) {
      const known = Object.keys(rules);
      return `unknown query parameter '${shown}'; ${known.length === 0 ? 'this route takes none' : `known: ${known.join(', ')}`}`;
    }
    if (seen.has(name)) return `${shown} is given more than once`;
    seen.add(name);
    const problem = rules[name]!(name, value);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
