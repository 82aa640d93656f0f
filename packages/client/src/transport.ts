import { ArbiterApiError, ArbiterError } from './errors';
import type { Problem } from './types';

export interface RetryInfo {
  attempt: number;
  /** The status that caused the retry, or null for a network error. */
  status: number | null;
  delayMs: number;
}

export interface TransportOptions {
  /** e.g. `http://127.0.0.1:3000` (no trailing `/v1`). */
  baseUrl: string;
  /** An API key (`arb_…`) or a user access token, sent as `Authorization: Bearer`. */
  token?: string;
  /** How many times a retryable answer (429, 503, a network error) is retried. Default 3. */
  maxRetries?: number;
  /** First backoff when the api gives no Retry-After; doubles per attempt, with jitter. Default 250 ms. */
  retryBaseMs?: number;
  /** The longest single wait; a Retry-After beyond it is not waited for. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Called before each retry (logging, metrics). */
  onRetry?: (info: RetryInfo) => void;
  /** A fetch of your own (proxies, tests). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * `all`: 429, 503 and network errors are retried (reads, and writes made idempotent by a key).
   * `throttled`: only 429, which the api answers before doing anything.
   */
  retry: 'all' | 'throttled';
  signal?: AbortSignal;
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });

/** HTTP to the api: JSON in and out, Problem bodies as ArbiterApiError, retries by the rules above. */
export class Transport {
  private readonly fetch: typeof fetch;

  constructor(readonly options: TransportOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    if (!/^https?:\/\//.test(options.baseUrl))
      throw new ArbiterError('baseUrl must be an http(s) URL');
  }

  async request<T>(spec: RequestSpec): Promise<Answer<T>> {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.send(spec);
      } catch (error) {
        if (spec.signal?.aborted || spec.retry !== 'all' || attempt >= maxRetries) throw error;
        await this.pause(attempt, null, null, spec.signal);
        continue;
      }
      const retryable =
        response.status === 429 || (response.status === 503 && spec.retry === 'all');
      if (response.ok || !retryable || attempt >= maxRetries) return this.answer<T>(response);
      const asked = retryAfterSeconds(response.headers.get('retry-after'));
      if (asked !== null && asked * 1000 > (this.options.maxRetryDelayMs ?? 30_000)) {
        return this.answer<T>(response); // longer than the caller will wait: say so now
      }
      await response.body?.cancel();
      await this.pause(attempt, response.status, asked, spec.signal);
    }
  }

  private async pause(
    attempt: number,
    status: number | null,
    asked: number | null,
    signal?: AbortSignal,
  ): Promise<void> {
    const backoff = (this.options.retryBaseMs ?? 250) * 2 ** attempt * (0.5 + Math.random() / 2);
    const delayMs = Math.min(
      Math.max(asked === null ? 0 : asked * 1000, backoff),
      this.options.maxRetryDelayMs ?? 30_000,
    );
    this.options.onRetry?.({ attempt: attempt + 1, status, delayMs });
    await sleep(delayMs, signal);
  }

  private send(spec: RequestSpec): Promise<Response> {
    const url = new URL(spec.path, this.options.baseUrl.replace(/\/?$/, '/'));
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    return this.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout,
    });
  }

  private async answer<T>(response: Response): Promise<Answer<T>> {
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) {
      const problem: Problem =
        body && typeof body === 'object' && 'message' in body
          ? (body as Problem)
          : {
              statusCode: response.status,
              error: response.statusText,
              message: String(text || response.statusText),
            };
      throw new ArbiterApiError(
        response.status,
        problem,
        response.headers.get('x-request-id'),
        retryAfterSeconds(response.headers.get('retry-after')),
      );
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
}
