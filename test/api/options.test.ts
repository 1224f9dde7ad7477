import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMock, OptionsError, startMock } from '../../src/index.js';

describe('startMock and createMock options: one schema with the command line', () => {
  it('refuses an unknown option, naming the real one', async () => {
    await expect(startMock({ vendorz: ['emporix'] } as never)).rejects.toThrow("unknown option 'vendorz' (did you mean 'vendors'?)");
    await expect(createMock({ sede: 3 } as never)).rejects.toThrow(OptionsError);
  });

  it("refuses an invalid value with the command line's message", async () => {
    await expect(startMock({ seed: -5 })).rejects.toThrow("seed must be a whole number from 0 to 2147483647, not '-5'");
    await expect(startMock({ vendors: ['emporixx'] } as never)).rejects.toThrow("unknown vendor 'emporixx' (did you mean 'emporix'?)");
  });

  it('reports every bad option at once', async () => {
    const error = (await startMock({ seed: 'x', mode: 'loose', maxBody: 0 } as never).catch((caught: unknown) => caught)) as Error;
    expect(error.message.split('\n')).toHaveLength(3);
    expect(error.message).toContain("mode must be one of strict, lenient, not 'loose'");
  });

  it("refuses the command line's own settings", async () => {
    await expect(startMock({ logLevel: 'debug' } as never)).rejects.toThrow('logLevel is a setting of the command line and its config file, not of startMock/createMock');
  });

  it("reports the command line's settings and the config file's $schema together with a bad option of its own", async () => {
    const error = (await startMock({ logLevel: 'debug', $schema: 'x', seed: -5 } as never).catch((caught: unknown) => caught)) as Error;
    expect(error.message.split('\n')).toEqual([
      'startMock: logLevel is a setting of the command line and its config file, not of startMock/createMock',
      "unknown option '$schema'",
      "seed must be a whole number from 0 to 2147483647, not '-5'",
    ]);
  });

  it('keeps working under an old name, with one deprecation warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const mock = await createMock({ vendor: ['emporix'], maxBodyBytes: 2048 } as never);
      expect(mock.engines.map((engine) => engine.plugin.id)).toEqual(['emporix']);
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual(
        expect.arrayContaining([expect.stringContaining('vendor is deprecated'), expect.stringContaining('maxBodyBytes is deprecated')]),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps nothing on disk unless db is given', async () => {
    const cwd = process.cwd();
    const dir = await mkdtemp(path.join(tmpdir(), 'returns-mock-nodisk-'));
    process.chdir(dir);
    try {
      const mock = await startMock({ vendors: ['emporix'] });
      await mock.close();
    } finally {
      process.chdir(cwd);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second mock on the same db file in the same process, and takes it once the first closed', async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), 'returns-mock-lock-')), 'store.json');
    const first = await startMock({ vendors: ['emporix'], db });
    try {
      await expect(startMock({ vendors: ['emporix'], db })).rejects.toThrow(`store file ${db} is already open by another mock in this process`);
    } finally {
      await first.close();
    }
    const second = await startMock({ vendors: ['emporix'], db });
    await second.close();
  });
});
