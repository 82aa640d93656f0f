import type { AiProviderConfig } from '@arbiter/config';
import { ChatMessage, ProviderAnswer, ProviderFailure, TokenUsage } from './ai-review.types';
import { estimateInputTokens, estimateTokens } from './token.meter';
import { parseVerdictText } from './verdict.parser';

const MAX_BODY_CHARS = 1_000_000;

interface ChatCompletion {
  model?: unknown;
  choices?: { message?: { content?: unknown } }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
}

/** A chat-completions answer's text with the model and token usage (reported, or estimated). */
export interface CompletionText {
  content: string;
  model: string;
  usage: TokenUsage;
}

/** What a call asks for beyond the messages; the provider's settings fill the rest. */
export interface CompletionOptions {
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** Ask for a JSON object (the reviewer's verdict); plain text otherwise. */
  json?: boolean;
}

/**
 * One call to a chat-completions API (OpenAI, Azure OpenAI, vLLM, Ollama, LiteLLM), shared by
 * the AI reviewer and the regression runs' generator. Every fault is thrown as a classified
 * ProviderFailure, so the breaker, retries and rate limits treat them alike.
 */
export async function requestCompletion(
  provider: AiProviderConfig,
  messages: readonly { role: string; content: string }[],
  options: CompletionOptions = {},
): Promise<CompletionText> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), provider.timeoutMs);
  const model = options.model ?? provider.model;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${provider.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model,
        messages,
        temperature: options.temperature ?? 0,
        max_tokens: options.maxTokens ?? provider.maxOutputTokens,
        ...(options.json ? { response_format: { type: 'json_object' } } : {}),
      }),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted)
      throw new ProviderFailure('timeout', `no answer within ${provider.timeoutMs} ms`);
    throw new ProviderFailure('network', `request failed: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 429) {
    throw new ProviderFailure(
      'rate_limited',
      'provider answered 429 Too Many Requests',
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  if (!response.ok)
    throw new ProviderFailure('http_error', `provider answered HTTP ${response.status}`);
  return completionOf(text.slice(0, MAX_BODY_CHARS), model, messages);
}

/** The reviewer's call: a JSON verdict, validated before it returns. */
export async function callChatCompletions(
  provider: AiProviderConfig,
  messages: ChatMessage[],
): Promise<ProviderAnswer> {
  const { content, model, usage } = await requestCompletion(provider, messages, { json: true });
  return { verdict: parseVerdictText(content), model, usage };
}

function completionOf(
  body: string,
  model: string,
  messages: readonly { role: string; content: string }[],
): CompletionText {
  let completion: ChatCompletion;
  try {
    completion = JSON.parse(body) as ChatCompletion;
  } catch {
    throw new ProviderFailure('malformed', 'response body is not JSON');
  }
  const content = completion?.choices?.[0]?.message?.content;
  if (typeof content !== 'string')
    throw new ProviderFailure('malformed', 'response has no choices[0].message.content');
  const prompt = completion.usage?.prompt_tokens;
  const completionTokens = completion.usage?.completion_tokens;
  const reported = isCount(prompt) && isCount(completionTokens);
  return {
    content,
    model: typeof completion.model === 'string' ? completion.model : model,
    usage: reported
      ? { inputTokens: prompt, outputTokens: completionTokens, reported }
      : {
          inputTokens: estimateInputTokens(messages as ChatMessage[]),
          outputTokens: estimateTokens(content),
          reported,
        },
  };
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

/** Retry-After as seconds or an HTTP date, in ms; absent or unreadable → 1 s. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 1000;
}
