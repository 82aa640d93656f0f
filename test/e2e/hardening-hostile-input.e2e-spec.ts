import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

interface ErrorBody {
  statusCode: number;
  message: string;
  problems?: { path: string; message: string }[];
}

const NUL = '\u0000';
const LONE = '\ud800';

/** `depth` levels of {"a": …} around a number, as JSON text (JSON.stringify would overflow). */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('hostile input gets a 400 naming the field, never a 500', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  const submit = (body: unknown, raw?: string) =>
    arbiter.http.post<ErrorBody>('/v1/submissions', body, {
      token: arbiter.bootstrapKey,
      raw,
      headers: raw ? { 'content-type': 'application/json' } : undefined,
    });

  it.each<[string, Record<string, unknown>, string]>([
    ['NUL in output.text', submissionBody({ output: { text: `a${NUL}b` } }), 'output.text'],
    ['NUL in externalId', submissionBody({ externalId: `x${NUL}` }), 'externalId'],
    [
      'NUL in a metadata value',
      submissionBody({ metadata: { tier: `gold${NUL}` } }),
      'metadata.tier',
    ],
    ['NUL in a metadata key', submissionBody({ metadata: { [`ti${NUL}er`]: 'gold' } }), 'metadata'],
    [
      'NUL in the model name',
      submissionBody({ model: { provider: 'openai', name: `gpt${NUL}` } }),
      'model.name',
    ],
    [
      'NUL in a context document',
      submissionBody({ input: { prompt: 'q', context: [{ id: 'd1', text: `Paris${NUL}` }] } }),
      'input.context.0.text',
    ],
    [
      'a lone surrogate in output.text',
      submissionBody({ output: { text: `a${LONE}b` } }),
      'output.text',
    ],
    [
      'a lone low surrogate in the prompt',
      submissionBody({ input: { prompt: 'a\udc00', context: [] } }),
      'input.prompt',
    ],
  ])('%s → 400 naming the field', async (_name, body, path) => {
    const res = await submit(body);
    expect(res.status).toBe(400);
    expect(res.body.problems?.map((p) => p.path)).toContain(path);
    expect(res.body.message).toContain(path);
  });

  it('a proper surrogate pair (an emoji) is accepted', async () => {
    const res = await submit(submissionBody({ output: { text: 'Paris 🇫🇷 is the capital.' } }));
    expect(res.status).toBe(202);
  });

  it.each([
    [
      'metadata',
      (inner: string) =>
        `{"pipeline":"support","input":{"prompt":"q"},"output":{"text":"x"},"model":{"provider":"p","name":"m"},"metadata":${inner}}`,
    ],
    [
      'an unknown field',
      (inner: string) =>
        `{"pipeline":"support","input":{"prompt":"q"},"output":{"text":"x"},"model":{"provider":"p","name":"m"},"junk":${inner}}`,
    ],
  ])('10,000 levels of nesting in %s → 400 about nesting', async (_where, wrap) => {
    const res = await submit(undefined, wrap(nested(10_000)));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nested too deeply/);
    expect(JSON.stringify(res.body)).not.toMatch(/call stack/i);
  });

  it('a policy with NUL (JSON or YAML) → 400 naming the field', async () => {
    const token = await arbiter.adminAccessToken();
    const json = await arbiter.http.put<ErrorBody>(
      '/v1/pipelines/support',
      { pipeline: 'support', ...policy({ review: { queue: `q${NUL}`, priority: 5, sla: '30m' } }) },
      { token },
    );
    expect(json.status).toBe(400);
    expect(json.body.message).toContain('review.queue');
    const yaml = await arbiter.http.put<ErrorBody>('/v1/pipelines/support', undefined, {
      token,
      headers: { 'content-type': 'application/yaml' },
      raw: 'pipeline: support\nsignals: { grounding: { weight: 1 } }\nvalidators: []\nthresholds: { autoApprove: 0, aiReview: 0 }\nreview: { queue: "q\\0", priority: 5, sla: 30m }\n',
    });
    expect(yaml.status).toBe(400);
    expect(yaml.body.message).toContain('review.queue');
  });

  it('a deeply nested policy → 400 that does not leak internal error text', async () => {
    const token = await arbiter.adminAccessToken();
    const yaml = await arbiter.http.put<ErrorBody>('/v1/pipelines/support', undefined, {
      token,
      headers: { 'content-type': 'application/yaml' },
      raw: `pipeline: support\nmeta: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    });
    expect(yaml.status).toBe(400);
    expect(JSON.stringify(yaml.body)).not.toMatch(/call stack|RangeError/i);
    const json = await arbiter.http.put<ErrorBody>('/v1/pipelines/support', undefined, {
      token,
      headers: { 'content-type': 'application/json' },
      raw: `{"pipeline":"support","meta":${nested(10_000)}}`,
    });
    expect(json.status).toBe(400);
    expect(json.body.message).toMatch(/nested too deeply/);
  });

  it('a user email or a client name with NUL → 400 naming the field', async () => {
    const token = await arbiter.adminAccessToken();
    const user = await arbiter.http.post<ErrorBody>(
      '/v1/users',
      { email: `a${NUL}@b.c`, password: 'password-123', role: 'reviewer' },
      { token },
    );
    expect(user.status).toBe(400);
    expect(user.body.message).toContain('email');
    const client = await arbiter.http.post<ErrorBody>(
      '/v1/clients',
      { name: `bot${NUL}` },
      { token },
    );
    expect(client.status).toBe(400);
    expect(client.body.message).toContain('name');
    const login = await arbiter.http.post<ErrorBody>('/v1/auth/login', {
      email: `a${NUL}@b.c`,
      password: 'whatever-123',
    });
    expect(login.status).toBe(400);
  });

  it("null for a user's role, queues or skills → 400 naming the field; the user is unchanged", async () => {
    const token = await arbiter.adminAccessToken();
    const made = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      {
        email: 'nulls@example.com',
        password: 'password-123',
        role: 'reviewer',
        queues: ['support'],
      },
      { token },
    );
    for (const field of ['role', 'queues', 'skills']) {
      const res = await arbiter.http.request<ErrorBody>(
        'PATCH',
        `/v1/users/${made.body.id}`,
        { [field]: null },
        { token },
      );
      expect([field, res.status, res.body.message]).toEqual([
        field,
        400,
        expect.stringContaining(field),
      ]);
    }
    const after = await arbiter.http.get<{ id: string; role: string; queues: string[] }[]>(
      '/v1/users',
      { token },
    );
    expect(after.body.find((u) => u.id === made.body.id)).toMatchObject({
      role: 'reviewer',
      queues: ['support'],
    });
  });

  it('NUL in a path parameter → 400', async () => {
    const token = await arbiter.adminAccessToken();
    const param = await arbiter.http.get<ErrorBody>('/v1/pipelines/sup%00port', { token });
    expect(param.status).toBe(400);
  });
});
