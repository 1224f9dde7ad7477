import type { SettingSpec } from './setting-spec.js';

/** The proxy and record settings `serve` and `test` take. */
export const PROXY_SETTINGS: readonly SettingSpec[] = [
  { key: 'proxy', flag: 'proxy', env: ['RETURNS_MOCK_PROXY'], kind: { type: 'pairs' } },
  { key: 'proxyTimeout', flag: 'proxy-timeout', env: ['RETURNS_MOCK_PROXY_TIMEOUT'], kind: { type: 'number', min: 0.001, max: 3600 } },
  { key: 'proxyForwardInvalid', flag: 'proxy-forward-invalid', env: ['RETURNS_MOCK_PROXY_FORWARD_INVALID'], kind: { type: 'boolean' } },
  { key: 'record', flag: 'record', env: ['RETURNS_MOCK_RECORD'], kind: { type: 'string' } },
];
