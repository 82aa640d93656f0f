import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

interface PipelineView {
  key: string;
  activeVersion: number | null;
  split: { version: number; percent: number } | null;
  versions: { version: number; source: string }[];
}
interface ErrorBody {
  message: string;
  problems?: { path: string; message: string }[];
}

describe('pipelines: versioned policies, activation, rollback, A/B', () => {
  let arbiter: ArbiterHarness;
  let token: string;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    token = await arbiter.adminAccessToken();
  });

  const put = (key: string, body: unknown, query = '?activate=true') =>
    arbiter.http.put<{ version: number; created: boolean; pipeline: PipelineView } & ErrorBody>(
      `/v1/pipelines/${key}${query}`,
      body,
      { token },
    );
  const versionOf = async (submissionId: string): Promise<number> => {
    const [row] = await arbiter.db.query(
      `SELECT v.version FROM submissions s JOIN policy_versions v ON v.id = s.policy_version_id WHERE s.id = $1`,
      [submissionId],
    );
    return row.version;
  };
  const submit = async () =>
    (
      await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
        token: arbiter.bootstrapKey,
      })
    ).body.id;

  it('adds versions from JSON and YAML; an unchanged document adds none', async () => {
    const v1 = await put('support', { pipeline: 'support', ...policy() });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, created: true, pipeline: { activeVersion: 1 } });

    const yaml = [
      'pipeline: support',
      'signals: { grounding: { weight: 2 } }',
      'validators: [{ type: length, max: 500, onFail: flag }]',
      'thresholds: { autoApprove: 0.9, aiReview: 0.4 }',
      'review: { queue: support, sla: 15m }',
    ].join('\n');
    const v2 = await arbiter.http.put<{ version: number; pipeline: PipelineView }>(
      '/v1/pipelines/support?activate=true',
      undefined,
      { token, raw: yaml, headers: { 'content-type': 'application/yaml' } },
    );
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);

    const again = await arbiter.http.put<{ version: number; created: boolean }>(
      '/v1/pipelines/support?activate=true',
      undefined,
      { token, raw: yaml, headers: { 'content-type': 'application/yaml' } },
    );
    expect(again.body).toMatchObject({ version: 2, created: false });

    const view = await arbiter.http.get<PipelineView>('/v1/pipelines/support', { token });
    expect(view.body.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(view.body.activeVersion).toBe(2);
  });

  it('refuses an invalid policy with problems that point at the fields', async () => {
    const res = await put('support', {
      pipeline: 'support',
      ...policy({
        thresholds: { autoApprove: 0.3, aiReview: 0.6 },
        signals: { telepathy: { weight: 1 } },
      }),
    });
    expect(res.status).toBe(400);
    const paths = res.body.problems?.map((p) => p.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['signals.telepathy']));
    expect(paths.some((p) => p.startsWith('thresholds'))).toBe(true);
    expect(res.body.message).toMatch(/telepathy/);
  });

  it('refuses YAML with a syntax error, naming the line', async () => {
    const res = await arbiter.http.put<ErrorBody>('/v1/pipelines/support', undefined, {
      token,
      raw: 'pipeline: support\nthresholds: [',
      headers: { 'content-type': 'application/yaml' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/line \d+/);
  });

  it('records on each submission the version that judged it; activate and rollback switch it', async () => {
    await put('support', { pipeline: 'support', ...policy() });
    await put('support', {
      pipeline: 'support',
      ...policy({ thresholds: { autoApprove: 0.7, aiReview: 0.2 } }),
    });
    expect(await versionOf(await submit())).toBe(2);

    const rolled = await arbiter.http.post<PipelineView>(
      '/v1/pipelines/support/rollback',
      undefined,
      { token },
    );
    expect(rolled.status).toBe(200);
    expect(rolled.body.activeVersion).toBe(1);
    expect(await versionOf(await submit())).toBe(1);

    const activated = await arbiter.http.post<PipelineView>(
      '/v1/pipelines/support/activate',
      { version: 2 },
      { token },
    );
    expect(activated.body.activeVersion).toBe(2);
    expect(await versionOf(await submit())).toBe(2);

    const nothingLeft = await arbiter.http.post('/v1/pipelines/support/rollback', undefined, {
      token,
    });
    expect(nothingLeft.status).toBe(200); // back to 1
    const none = await arbiter.http.post<ErrorBody>('/v1/pipelines/support/rollback', undefined, {
      token,
    });
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/no earlier active version/);
  });

  it('splits traffic A/B by percentage, deterministically per submission', async () => {
    await put('support', { pipeline: 'support', ...policy() });
    await put(
      'support',
      { pipeline: 'support', ...policy({ thresholds: { autoApprove: 0.7, aiReview: 0.2 } }) },
      '?activate=false',
    );
    const split = await arbiter.http.post<PipelineView>(
      '/v1/pipelines/support/split',
      { version: 2, percent: 30 },
      { token },
    );
    expect(split.body.split).toEqual({ version: 2, percent: 30 });

    const ids = [];
    for (let i = 0; i < 200; i++) ids.push(await submit());
    const versions = await Promise.all(ids.map(versionOf));
    const share = versions.filter((v) => v === 2).length / versions.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);

    await arbiter.http.post('/v1/pipelines/support/split', { version: 2, percent: 0 }, { token });
    for (let i = 0; i < 20; i++) expect(await versionOf(await submit())).toBe(1);
  });

  it('refuses unknown versions and bad bodies', async () => {
    await put('support', { pipeline: 'support', ...policy() });
    const unknown = await arbiter.http.post<ErrorBody>(
      '/v1/pipelines/support/activate',
      { version: 9 },
      { token },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/version 9/);
    const badPercent = await arbiter.http.post<ErrorBody>(
      '/v1/pipelines/support/split',
      { version: 1, percent: 101 },
      { token },
    );
    expect(badPercent.status).toBe(400);
    expect(badPercent.body.message).toMatch(/percent/);
    const keyMismatch = await put('support', { pipeline: 'other', ...policy() });
    expect(keyMismatch.status).toBe(400);
  });

  it('admin endpoints need an admin token: 401 without, 401 with an API key, 403 for a reviewer', async () => {
    const none = await arbiter.http.get('/v1/pipelines/support');
    expect(none.status).toBe(401);
    const apiKey = await arbiter.http.get('/v1/pipelines/support', { token: arbiter.bootstrapKey });
    expect(apiKey.status).toBe(401);
    const { AccountRepository, hashPassword } = await import('@arbiter/auth');
    await arbiter.api.get(AccountRepository).createUser({
      id: '11111111-1111-4111-8111-111111111111',
      email: 'rev@test.local',
      passwordHash: await hashPassword('reviewer-pw-1'),
      role: 'reviewer',
    });
    const login = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email: 'rev@test.local',
      password: 'reviewer-pw-1',
    });
    const reviewer = await arbiter.http.get<ErrorBody>('/v1/pipelines/support', {
      token: login.body.accessToken,
    });
    expect(reviewer.status).toBe(403);
    const wrongPassword = await arbiter.http.post('/v1/auth/login', {
      email: 'rev@test.local',
      password: 'nope',
    });
    expect(wrongPassword.status).toBe(401);
  });
});
