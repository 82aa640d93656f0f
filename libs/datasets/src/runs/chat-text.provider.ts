import type { AiProviderConfig } from '@arbiter/config';
import { requestCompletion, TokenUsage } from '@arbiter/ai-review';

/** A generator's message: the reviewer's roles plus the assistant turns a prompt may hold. */
export interface GenerationMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerationSettings {
  model?: string;
  temperature?: number;
  maxTokens?: number;
}

export interface GeneratedText {
  text: string;
  usage: TokenUsage;
  model: string;
}

/** One generation call: the shared chat-completions call of the AI reviewer, as plain text. */
export async function generateChatText(
  provider: AiProviderConfig,
  messages: GenerationMessage[],
  settings: GenerationSettings,
): Promise<GeneratedText> {
  const { content, model, usage } = await requestCompletion(provider, messages, settings);
  return { text: content, model, usage };
}
