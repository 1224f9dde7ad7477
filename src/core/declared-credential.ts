import type { Credential } from './request.js';

/** A credential the fixtures declare (collection `credentials`): the rights beside the match keys are the vendor's to read. */
export type DeclaredCredential = Readonly<Record<string, unknown>>;

/** How the mock treats credentials: `open` takes any well-formed one with full rights, `strict` only those the fixtures declare. */
export type AuthMode = 'open' | 'strict';

/** Whether a fixture record declares this credential: `token` for a bearer token or API key, `username` (and `password`, if given) for Basic. */
function declares(record: DeclaredCredential, credential: Credential): boolean {
  if (credential.kind === 'basic') {
    return typeof record.username === 'string' && record.username === credential.user && (record.password === undefined || record.password === credential.password);
  }
  return typeof record.token === 'string' && record.token === credential.token;
}

/** The first fixture record that declares one of the request's credentials. */
export function findDeclaredCredential(credentials: readonly Credential[], records: readonly DeclaredCredential[]): DeclaredCredential | undefined {
  for (const credential of credentials) {
    const found = records.find((record) => declares(record, credential));
    if (found !== undefined) return found;
  }
  return undefined;
}
