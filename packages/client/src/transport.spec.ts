import { ArbiterApiError } from './errors';
import { retryAfterSeconds, RetryInfo, Transport } from './transport';

/** A fetch that answers from a script and records each call. */
function scripted(...answers: (Response | Error)[]): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method} ${String(input)}`);
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
const problem = (status: number) => ({
  statusCode: status,
  error: 'Nope',
  message: `status ${status}`,
});

describe('Transport: retries and problem details', () => {
  const transport = (fetch: typeof globalThis.fetch, retries: RetryInfo[] = []) =>
    new Transport({
      baseUrl: 'http://api.test',
      token: 't',
      fetch,
      retryBaseMs: 1,
      maxRetryDelayMs: 2_000,
      onRetry: (r) => retries.push(r),
    });

  it('waits Retry-After on 429 and tries again', async () => {
    const { fetch, calls } = scripted(
      json(429, problem(429), { 'retry-after': '1' }),
      json(200, { ok: true }),
    );
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const answer = await transport(fetch, retries).request({
      method: 'GET',
      path: 'v1/x',
      retry: 'throttled',
    });
    expect(answer.body).toEqual({ ok: true });
    expect(calls).toEqual(['GET http://api.test/v1/x', 'GET http://api.test/v1/x']);
    expect(retries).toEqual([{ attempt: 1, status: 429, delayMs: 1000 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('retries 503 and network errors only when the request is safe to repeat', async () => {
    const safe = scripted(json(503, problem(503)), new TypeError('fetch failed'), json(200, {}));
    await expect(
      transport(safe.fetch).request({ method: 'POST', path: 'v1/x', retry: 'all' }),
    ).resolves.toMatchObject({ status: 200 });
    expect(safe.calls).toHaveLength(3);
    const unsafe = scripted(json(503, problem(503)));
    await expect(
      transport(unsafe.fetch).request({ method: 'POST', path: 'v1/x', retry: 'throttled' }),
    ).rejects.toMatchObject({ status: 503 });
    const network = scripted(new TypeError('fetch failed'));
    await expect(
      transport(network.fetch).request({ method: 'POST', path: 'v1/x', retry: 'throttled' }),
    ).rejects.toThrow('fetch failed');
  });

  it('gives up after maxRetries, and at once when Retry-After is longer than it may wait', async () => {
    const busy = scripted(...Array.from({ length: 4 }, () => json(429, problem(429))));
    await expect(
      transport(busy.fetch).request({ method: 'GET', path: 'v1/x', retry: 'all' }),
    ).rejects.toMatchObject({ status: 429 });
    expect(busy.calls).toHaveLength(4);
    const long = scripted(json(503, problem(503), { 'retry-after': '3600' }));
    const error = await transport(long.fetch)
      .request({ method: 'GET', path: 'v1/x', retry: 'all' })
      .catch((e: unknown) => e);
    expect(long.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ArbiterApiError);
    expect((error as ArbiterApiError).retryAfterSeconds).toBe(3600);
  });

  it('surfaces the problem body, the request id, and a body that is not JSON', async () => {
    const { fetch } = scripted(
      json(
        404,
        { ...problem(404), problems: [{ path: 'id', message: 'unknown' }] },
        { 'x-request-id': 'req-1' },
      ),
      new Response('upstream exploded', { status: 502, statusText: 'Bad Gateway' }),
    );
    const http = transport(fetch);
    const notFound = (await http
      .request({ method: 'GET', path: 'v1/x', retry: 'all' })
      .catch((e: unknown) => e)) as ArbiterApiError;
    expect([notFound.status, notFound.requestId, notFound.problems]).toEqual([
      404,
      'req-1',
      [{ path: 'id', message: 'unknown' }],
    ]);
    const gateway = (await http
      .request({ method: 'GET', path: 'v1/x', retry: 'all' })
      .catch((e: unknown) => e)) as ArbiterApiError;
    expect(gateway.problem).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      message: 'upstream exploded',
    });
  });

  // A fixed clock: an HTTP date read seconds after the table was built would be early.
  const now = Date.parse('2026-12-06T03:10:00Z');
  it.each([
    ['5', 5],
    [' 12 ', 12],
    [new Date(now + 30_000).toUTCString(), 30],
    [new Date(now - 5_000).toUTCString(), 0],
    ['soon', null],
    [null, null],
  ])('reads Retry-After %p as %p seconds', (value, seconds) => {
    expect(retryAfterSeconds(value, now)).toBe(seconds);
  });
});
