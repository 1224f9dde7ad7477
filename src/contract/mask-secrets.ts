import { decodeBasicCredential, parseAuthorization } from '../core/authorization-header.js';

/** What replaces a secret in the journal, the reports and the logs. */
export const MASK = '***';

/** Headers that carry credentials for every vendor; the spec's apiKey headers and the plugin's `secretHeaders` are added per vendor. */
export const SECRET_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'];

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
 * header, credential query parameter ({@link SECRET_QUERY}) or apiKey query parameter becomes `***`.
 */
export function maskRequestParts(headers: Record<string, string>, query: string, secretHeaders: readonly string[], secretQuery: readonly string[]): MaskedRequestParts {
  const secretNames = new Set([...SECRET_HEADERS, ...secretHeaders.map((name) => name.toLowerCase())]);
  const secrets: string[] = [];
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!secretNames.has(name)) {
      masked[name] = value;
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
  return { headers: masked, query: maskedQuery, secrets: secrets.filter((secret) => secret.length > 0) };
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
