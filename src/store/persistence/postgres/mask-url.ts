/** The connection URL as it may be shown: its password replaced by `***` (also one given as `?password=`). */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: show nothing that could follow an '@' or a ':' of a userinfo part.
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
  if (parsed.password !== '') parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.toString();
}
