import type { ProxyOptions } from './forward-request.js';

/** Default `--proxy-timeout`: 30 s, long enough for a slow sandbox, short enough that a client's test fails rather than hangs. */
export const DEFAULT_PROXY_TIMEOUT_MS = 30_000;

export interface ProxySettings {
  proxy?: Partial<Record<string, string>>;
  proxyTimeoutMs?: number;
  proxyForwardInvalid?: boolean;
}

/** The proxy options of each proxied vendor, checked: a mounted vendor, an absolute http(s) URL, a positive timeout. */
export function toProxyTargets(settings: ProxySettings, mounted: readonly string[]): Record<string, ProxyOptions> {
  const timeoutMs = settings.proxyTimeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`the proxy timeout must be a positive number of milliseconds, not ${String(settings.proxyTimeoutMs)}`);
  const targets: Record<string, ProxyOptions> = {};
  for (const [vendor, url] of Object.entries(settings.proxy ?? {})) {
    if (url === undefined) continue;
    if (!mounted.includes(vendor)) throw new Error(`proxy names vendor '${vendor}', which is not mounted; mounted: ${mounted.join(', ')}`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`proxy URL of ${vendor} '${url}' is not an absolute URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`proxy URL of ${vendor} '${url}' must be http or https`);
    if (parsed.search !== '' || parsed.hash !== '') throw new Error(`proxy URL of ${vendor} '${url}' must have no query or fragment: the vendor path and query are appended to it`);
    targets[vendor] = { url, timeoutMs, forwardInvalid: settings.proxyForwardInvalid === true };
  }
  return targets;
}
