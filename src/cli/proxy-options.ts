import type { StartOptions } from '../index.js';
import { SettingsError, type SettingValue } from './settings.js';

/** `VENDOR=URL` entries as a map; an entry without `=` or a vendor named twice is an error naming it. */
function toProxyMap(entries: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new SettingsError(`--proxy '${entry}' must be VENDOR=URL, e.g. emporix=https://sandbox.example.com`);
    const vendor = entry.slice(0, at);
    if (Object.hasOwn(map, vendor)) throw new SettingsError(`--proxy names vendor '${vendor}' twice`);
    map[vendor] = entry.slice(at + 1);
  }
  return map;
}

/** The `startMock` options of the proxy settings (the timeout is given in seconds, the library takes milliseconds). */
export function toProxyOptions(values: Record<string, SettingValue>): Pick<StartOptions, 'proxy' | 'proxyTimeoutMs' | 'proxyForwardInvalid' | 'record'> {
  const entries = values.proxy as string[] | undefined;
  const seconds = values.proxyTimeout as number | undefined;
  return {
    proxy: entries === undefined ? undefined : toProxyMap(entries),
    proxyTimeoutMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
    proxyForwardInvalid: values.proxyForwardInvalid as boolean | undefined,
    record: values.record as string | undefined,
  };
}
