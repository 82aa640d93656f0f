/**
 * Deterministic draws for A/B splits, gradual rollout and QA sampling.
 *
 * Why a hand-written hash and not node:crypto: the lib stays free of Node built-ins, so the same
 * draw can be reproduced anywhere (browser, a script, another runtime) from the id alone. FNV-1a
 * 64 is tiny and well known; its low bits mix poorly, so a murmur3 fmix64 finaliser spreads every
 * input bit over the whole word before the top 53 bits become the draw.
 */

const MASK_64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const BYTE = Array.from({ length: 256 }, (_, i) => BigInt(i));
const encoder = new TextEncoder();

/** Salts of the per-submission routing draws; changing one reshuffles who is held or sampled. */
export const DRAW_SALTS = { rollout: 'rollout', qa: 'qa', split: 'split' } as const;

/** A deterministic, uniform draw in [0,1) for an id; different salts give independent draws. */
export function drawFor(id: string, salt: string): number {
  // The NUL separator keeps ("ab","c") and ("a","bc") apart.
  const bytes = encoder.encode(`${salt}\u0000${id}`);
  let h = FNV_OFFSET;
  for (const byte of bytes) h = ((h ^ BYTE[byte]) * FNV_PRIME) & MASK_64;
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & MASK_64;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & MASK_64;
  h ^= h >> 33n;
  return Number(h >> 11n) / 2 ** 53;
}

/** The rollout and QA draws decideRoute needs for one submission. */
export function routeDrawsFor(submissionId: string): { rollout: number; qa: number } {
  return {
    rollout: drawFor(submissionId, DRAW_SALTS.rollout),
    qa: drawFor(submissionId, DRAW_SALTS.qa),
  };
}
