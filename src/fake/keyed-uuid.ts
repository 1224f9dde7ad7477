import { createHash } from 'node:crypto';
import { createSeededFaker } from './create-faker.js';

/**
 * A UUID maker whose answer depends only on the run's seed and a key, never on what was faked before: ids keyed by
 * a stored sequence (`emporix/acme/return/7`) stay reproducible under `--seed` and never repeat after a restart,
 * where a faker stream would start over and hand out the ids of returns already stored.
 * @example createKeyedUuid(1)('emporix/acme/return/1') // the same UUID v4 on every run with seed 1
 */
export function createKeyedUuid(seed: number): (key: string) => string {
  const faker = createSeededFaker(seed);
  return (key) => {
    // 128 bits of the key seed the generator, so distinct keys do not share a stream (32-bit seeds would collide).
    const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
    faker.seed([digest.readUInt32BE(0), digest.readUInt32BE(4), digest.readUInt32BE(8), digest.readUInt32BE(12)]);
    return faker.string.uuid();
  };
}
