import type * as GptTokenizer from 'gpt-tokenizer';
import type { AiProviderConfig } from '@arbiter/config';
import { ChatMessage } from './ai-review.types';

let tokenizer: typeof GptTokenizer | undefined;

/**
 * gpt-tokenizer's o200k tables cost about 58 MB of RSS and 20 MB of heap once loaded. Every
 * process that imports this lib would pay it at start (the api through policy checks and
 * datasets), though only an AI review or a generation whose provider reports no usage counts
 * tokens: they are loaded at the first count.
 */
function countTokens(text: string): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tokenizer ??= require('gpt-tokenizer') as typeof GptTokenizer;
  return tokenizer.countTokens(text);
}

// Per-message framing tokens of the chat format (role, separators), as OpenAI documents it.
const MESSAGE_OVERHEAD = 4;

/** Input tokens of a prompt, estimated with the o200k tokenizer (used when a provider reports no usage). */
export function estimateInputTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + MESSAGE_OVERHEAD, 3);
}

/** Tokens of a piece of text. */
export function estimateTokens(text: string): number {
  return countTokens(text);
}

/** Cost in USD of a call at the provider's prices. */
export function costUsd(
  provider: AiProviderConfig,
  inputTokens: number,
  outputTokens: number,
): number {
  const cost =
    (inputTokens / 1000) * provider.pricePer1kInput +
    (outputTokens / 1000) * provider.pricePer1kOutput;
  return Math.round(cost * 1e8) / 1e8;
}
