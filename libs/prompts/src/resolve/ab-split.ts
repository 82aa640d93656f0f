import { createHash } from 'node:crypto';

/** An A/B split of a prompt: `percent` % of units are served `b`, the rest `a` (labels or version numbers). */
export interface PromptSplit {
  a: string;
  b: string;
  percent: number;
}

/**
 * The arm of a unit (a user, a conversation): a hash of the prompt key and the unit, so the same
 * unit always gets the same arm on every replica, and units of two prompts are split independently.
 */
export function armFor(promptKey: string, unit: string, split: PromptSplit): 'a' | 'b' {
  const digest = createHash('sha256').update(`${promptKey}\u0000${unit}`).digest();
  const share = digest.readUInt32BE(0) / 2 ** 32; // uniform in [0, 1)
  return share * 100 < split.percent ? 'b' : 'a';
}
