import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

interface ErrorBody {
  statusCode: number;
  message: string;
  problems?: { path: string; message: string }[];
}

describe('bad input gets a clear 4xx naming the problem', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ config: { bodyLimitBytes: 64 * 1024 } });
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  const post = (
    body: unknown,
    options: { raw?: string; headers?: Record<string, string>; token?: string | null } = {},
  ) =>
    arbiter.http.post<ErrorBody>('/v1/submissions', body, {
      token: options.token === null ? undefined : (options.token ?? arbiter.bootstrapKey),
      raw: options.raw,
      headers: options.headers,
    });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['wrong type', submissionBody({ pipeline: 42 }), /pipeline must be/],
    ['missing field', { ...submissionBody(), model: undefined }, /model/],
    [
      'missing output content',
      submissionBody({ output: {} }),
      /output.text or output.json is required/,
    ],
    ['unknown field', submissionBody({ colour: 'blue' }), /property colour should not exist/],
    [
      'unknown nested field',
      submissionBody({ output: { text: 'x', score: 1 } }),
      /output.*score should not exist/,
    ],
    [
      'over-long string',
      submissionBody({ externalId: 'x'.repeat(201) }),
      /externalId must be shorter than or equal to 200/,
    ],
    [
      'too many context documents',
      submissionBody({
        input: { context: Array.from({ length: 51 }, (_, i) => ({ id: `d${i}`, text: 't' })) },
      }),
      /input.context must contain no more than 50 elements/,
    ],
    [
      'non-numeric logprobs',
      submissionBody({ output: { text: 'x', logprobs: ['a'] } }),
      /logprobs/,
    ],
    [
      'callback not http(s)',
      submissionBody({ callbackUrl: 'file:///etc/passwd' }),
      /callbackUrl must be an http\(s\) URL/,
    ],
  ])('%s → 400', async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.problems?.length).toBeGreaterThan(0);
  });

  it('malformed JSON → 400', async () => {
    const res = await post(undefined, {
      raw: '{"pipeline": "support",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/i);
  });

  it('wrong content type → 415', async () => {
    const res = await post(undefined, {
      raw: 'pipeline=support',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/Unsupported Media Type|application\/json/);
    const yaml = await post(undefined, {
      raw: 'pipeline: support',
      headers: { 'content-type': 'application/yaml' },
    });
    expect(yaml.status).toBe(415);
  });

  it('body over the cap → 413', async () => {
    const res = await post(submissionBody({ output: { text: 'x'.repeat(70 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large/i);
  });

  it('unknown pipeline → 404 naming it', async () => {
    const res = await post(submissionBody({ pipeline: 'nope' }));
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Unknown pipeline "nope"/);
  });

  it('missing or wrong API key → 401', async () => {
    const missing = await post(submissionBody(), { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/Missing API key/);
    const wrong = await post(submissionBody(), { token: 'arb_not-a-real-key' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toMatch(/Invalid or revoked API key/);
  });

  it('bad ?wait and Idempotency-Key values → 400', async () => {
    const wait = await arbiter.http.post<ErrorBody>(
      '/v1/submissions?wait=99999',
      submissionBody(),
      { token: arbiter.bootstrapKey },
    );
    expect(wait.status).toBe(400);
    expect(wait.body.message).toMatch(/wait must be an integer/);
    const longKey = await post(submissionBody(), {
      headers: { 'idempotency-key': 'k'.repeat(201) },
    });
    expect(longKey.status).toBe(400);
    expect(longKey.body.message).toMatch(/Idempotency-Key must be/);
  });

  it('a malformed submission id → 400, not a database error', async () => {
    const res = await arbiter.http.get<ErrorBody>('/v1/submissions/not-a-uuid', {
      token: arbiter.bootstrapKey,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/id must be a UUID/);
  });

  it('nothing accepted is lost: the rejected requests above left no rows, a valid one still works', async () => {
    const [before] = await arbiter.db.query(`SELECT count(*)::int AS count FROM submissions`);
    expect(before.count).toBe(0);
    const ok = await post(submissionBody());
    expect(ok.status).toBe(202);
    const [after] = await arbiter.db.query(`SELECT count(*)::int AS count FROM submissions`);
    expect(after.count).toBe(1);
  });
});
