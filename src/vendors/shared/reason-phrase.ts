import { STATUS_CODES } from 'node:http';

/** The standard reason phrase of a status: `404` → `Not Found`. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
