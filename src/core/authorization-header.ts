/** An `Authorization` header split into its scheme word and credential (RFC 9110 §11.6.2). */
export interface AuthorizationHeader {
  /** As sent, e.g. `Bearer`; compare case-insensitively. */
  scheme: string;
  credential: string;
  /** Whether more text follows the credential: a malformed header for the token schemes the vendors use. */
  trailing: boolean;
}

/** Splits an `Authorization` value; `undefined` when it has no scheme and credential. The one parser of this header. */
export function parseAuthorization(value: string | undefined): AuthorizationHeader | undefined {
  const match = /^(\S+)\s+(\S+)(.*)$/s.exec((value ?? '').trim());
  if (match === null) return undefined;
  return { scheme: match[1]!, credential: match[2]!, trailing: match[3]!.trim() !== '' };
}

/** A Basic credential's user and password; `undefined` when it is not base64 of `user:password` (the user may be empty). */
export function decodeBasicCredential(credential: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) return undefined;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator < 0 ? undefined : { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}
