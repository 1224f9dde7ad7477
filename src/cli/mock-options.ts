import type { StartOptions, VendorId } from '../index.js';
import { vendorPlugins } from '../vendors/index.js';
import { toContractOptions } from './contract-settings.js';
import { toProxyOptions } from './proxy-options.js';
import { parseSpecEntry, SettingsError, toScenarioRules, type ResolvedSettings } from './settings.js';

/** Defaults of the settings that have one (the rest are the library's own defaults). */
export const DEFAULTS = { port: 4010, host: '127.0.0.1', seed: 1, maxBody: 1024 * 1024, auth: 'open', logLevel: 'info', logFormat: 'text' } as const;

/** The `startMock` options the resolved settings describe; vendor ids are checked here so the message can list them. */
export function toStartOptions({ values, scenarios, configFile }: ResolvedSettings): StartOptions {
  const known = vendorPlugins.map((plugin) => plugin.id);
  const vendors = values.vendor as string[] | undefined;
  const unknown = (vendors ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new SettingsError(`unknown vendor '${unknown.join(', ')}'; known: ${known.join(', ')}`);
  return {
    port: (values.port as number | undefined) ?? DEFAULTS.port,
    host: (values.host as string | undefined) ?? DEFAULTS.host,
    seed: (values.seed as number | undefined) ?? DEFAULTS.seed,
    maxBodyBytes: (values.maxBody as number | undefined) ?? DEFAULTS.maxBody,
    vendors: vendors as VendorId[] | undefined,
    specs: ((values.spec as string[] | undefined) ?? []).map(parseSpecEntry),
    db: values.db as string | undefined,
    inMemory: values.inMemory as boolean | undefined,
    store: values.store as string | undefined,
    clock: values.clock as string | undefined,
    fixtures: values.fixtures as string | undefined,
    strictFixtures: values.strictFixtures as boolean | undefined,
    auth: (values.auth as 'open' | 'strict' | undefined) ?? DEFAULTS.auth,
    adminToken: values.adminToken as string | undefined,
    headersTimeoutMs: values.headersTimeout as number | undefined,
    requestTimeoutMs: values.requestTimeout as number | undefined,
    keepAliveTimeoutMs: values.keepAliveTimeout as number | undefined,
    scenarios: toScenarioRules(scenarios, configFile ?? 'config'),
    ...toContractOptions(values),
    ...toProxyOptions(values),
  };
}
