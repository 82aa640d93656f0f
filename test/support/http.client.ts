export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A raw body sent as is (for malformed JSON, YAML, wrong content types). */
  raw?: string | Buffer;
}

/** A tiny fetch wrapper for tests: real HTTP against the running api. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  get<T = unknown>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.request('GET', path, undefined, options);
  }

  post<T = unknown>(
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    return this.request('POST', path, body, options);
  }

  put<T = unknown>(
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    return this.request('PUT', path, body, options);
  }

  delete<T = unknown>(path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.request('DELETE', path, undefined, options);
  }

  async request<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions,
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text (metrics, docs)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
