/** Mixes a run's seed with a key (FNV-1a), so data fabricated for that key is the same whatever came before. */
export function deriveSeed(seed: number, key: string): number {
  let hash = (2166136261 ^ seed) >>> 0;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}
