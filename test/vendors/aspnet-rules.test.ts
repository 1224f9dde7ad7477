import { describe, expect, it } from 'vitest';
import { jtlPlugin } from '../../src/vendors/jtl/index.js';
import { shopCtrlPlugin } from '../../src/vendors/shopctrl/index.js';

describe.each([jtlPlugin, shopCtrlPlugin])('the rules of $id', (plugin) => {
  const rules = plugin.rules ?? [];

  it('are registered on the plugin, each once, under the vendor, with a description and a cite', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((rule) => rule.code)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.vendor).toBe(plugin.id);
      expect(rule.description.length).toBeGreaterThan(0);
      expect(rule.cite?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('refuse only on a vendor or platform source, or on the --strict-fixtures option that asks for it; what only the mock infers is a risk', () => {
    const mockRefusals = rules.filter((rule) => rule.level === 'violation' && rule.source === 'mock');
    for (const rule of mockRefusals) expect(rule.cite).toMatch(/--strict-fixtures/);
    expect(rules.filter((rule) => rule.level === 'risk').every((rule) => rule.source === 'mock')).toBe(true);
  });

  it('declare the ASP.NET platform the engine reads', () => {
    expect(plugin.platform).toEqual({ caseInsensitivePaths: true, negotiation: 'request-format', lenientJsonBinding: true });
  });
});
