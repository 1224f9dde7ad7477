import { decodeBasicCredential, parseAuthorization } from '../core/authorization-header.js';

/** What replaces a secret in the journal, the reports and the logs. */
export const MASK = '***';

/**
 * Headers that carry credentials for every vendor, the mock's own admin token headers included (a client may send
 * them to a vendor route by mistake); the spec's apiKey headers and the plugin's `secretHeaders` are added per vendor.
 */
export const SECRET_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-admin-token', 'x-auth-token'];

/** Header names that by convention carry a credential (`x-session-token`, `x-amz-security-token`, `api-key`, `x-client-secret`): masked too. */
const CREDENTIAL_HEADER_NAME = /(^|-)(token|secret|password|passwd|api-?key|apikey|auth|authentication|session|credentials?|signature|cookie)(-|$)/;

/** Whether a (lower-case) header name carries a credential: the built-in names, a spec's apiKey headers, or a credential-like name. */
export function isSecretHeader(name: string, secretHeaders: readonly string[] = []): boolean {
  return SECRET_HEADERS.includes(name) || secretHeaders.includes(name) || CREDENTIAL_HEADER_NAME.test(name);
}

/**
 * Query parameters that carry credentials whatever the spec declares (compared case-insensitively): RFC 6750 §2.3's
 * `access_token` and the names clients commonly put API keys and tokens under; the spec's apiKey parameters are added per vendor.
 */
export const SECRET_QUERY: readonly string[] = ['access_token', 'refresh_token', 'id_token', 'token', 'api_key', 'apikey', 'api-key', 'client_secret', 'password'];

/** Secrets shorter than this are masked where they stand (headers) but not searched for in free text, which they would mangle. */
const MIN_SEARCHED_SECRET = 4;

export interface MaskedRequestParts {
  headers: Record<string, string>;
  query: string;
  /** Every secret value found, to be removed from any other text of the entry (body, messages). */
  secrets: string[];
}

/** The secrets inside an `Authorization` value: the credential itself and, for Basic, the decoded password. */
function authorizationSecrets(value: string): string[] {
  const parsed = parseAuthorization(value);
  if (parsed === undefined) return [value];
  const secrets = [value, parsed.credential];
  const password = parsed.scheme.toLowerCase() === 'basic' ? decodeBasicCredential(parsed.credential)?.password : undefined;
  if (password !== undefined) secrets.push(password);
  return secrets;
}

/**
 * Masks credentials in headers and query: `Authorization` keeps its scheme word (`Bearer ***`), any other secret
 * header ({@link isSecretHeader}), credential query parameter ({@link SECRET_QUERY}) or apiKey query parameter becomes
 * `***`. `knownSecrets` (the mock's admin token) are masked wherever they stand, and every secret found is removed
 * from the other headers' values too.
 */
export function maskRequestParts(
  headers: Record<string, string>,
  query: string,
  secretHeaders: readonly string[],
  secretQuery: readonly string[],
  knownSecrets: readonly string[] = [],
): MaskedRequestParts {
  const lowerSecretHeaders = secretHeaders.map((name) => name.toLowerCase());
  const secrets: string[] = [...knownSecrets];
  const masked: Record<string, string> = {};
  const plain: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretHeader(name, lowerSecretHeaders)) {
      plain.push(name);
      continue;
    }
    if (name === 'authorization' || name === 'proxy-authorization') {
      secrets.push(...authorizationSecrets(value));
      const scheme = parseAuthorization(value)?.scheme;
      masked[name] = scheme === undefined ? MASK : `${scheme} ${MASK}`;
    } else {
      secrets.push(value);
      masked[name] = MASK;
    }
  }
  const secretParams = new Set([...SECRET_QUERY, ...secretQuery.map((name) => name.toLowerCase())]);
  const params = new URLSearchParams(query);
  let maskedQuery = query;
  if ([...params.keys()].some((name) => secretParams.has(name.toLowerCase()))) {
    const kept = new URLSearchParams();
    for (const [name, value] of params) {
      const secret = secretParams.has(name.toLowerCase());
      if (secret) secrets.push(value);
      kept.append(name, secret ? MASK : value);
    }
    maskedQuery = kept.toString();
  }
  const found = secrets.filter((secret) => secret.length > 0);
  for (const name of plain) masked[name] = redactText(headers[name]!, found);
  return { headers: masked, query: maskedQuery, secrets: found };
}

/** Whether `text` holds one of `secrets` (those long enough to be searched for). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= MIN_SEARCHED_SECRET && text.includes(secret));
}

/** Replaces every secret inside `text` with the mask. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= MIN_SEARCHED_SECRET) result = result.replaceAll(secret, MASK);
  return result;
}

/** Redacts secrets in every string of a JSON-able value (violation messages and values). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => redactValue(item, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)])) as T;
  }
  return value;
}
