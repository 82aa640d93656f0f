import { countTokens } from 'gpt-tokenizer';
import type { AiProviderConfig } from '@arbiter/config';
import { ChatMessage } from './ai-review.types';

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
