import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';

interface Located {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}
interface CheckView {
  valid: boolean;
  problems: Located[];
  warnings: Located[];
}

const VALID = [
  'pipeline: support',
  'signals:',
  '  grounding: { weight: 0 }',
  'thresholds: { autoApprove: 0.9, aiReview: 0.5 }',
  'review: { queue: support, sla: 30m }',
].join('\n');

const INVALID = [
  'pipeline: support',
  'thresholds:',
  '  autoApprove: 2', // line 3
  '  aiReview: 0.5',
  'validators:',
  '  - type: length', // line 6
  '    max: 100',
  '    onFail: sometimes', // line 8
  'review:',
  '  sla: soon', // line 10
].join('\n');

describe('POST /v1/pipelines/:key/check: a policy checked as PUT would check it, stored nowhere', () => {
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

  const yaml = <T = CheckView>(method: 'POST' | 'PUT', path: string, text: string) =>
    arbiter.http.request<T>(method, path, undefined, {
      token,
      raw: text,
      headers: { 'content-type': 'application/yaml' },
    });
  const check = (text: string, key = 'support') => yaml('POST', `/v1/pipelines/${key}/check`, text);
  const versionsStored = async () =>
    Number((await arbiter.db.query(`SELECT count(*)::int AS n FROM policy_versions`))[0].n);

  it('answers valid with the warnings PUT would give, placed at their lines, and stores nothing', async () => {
    const res = await check(VALID);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    expect(res.body.problems).toEqual([]);
    expect(res.body.warnings).toContainEqual({
      path: 'signals.grounding.weight',
      message: expect.stringMatching(/is 0/),
      line: 3,
      column: 16,
    });
    expect(await versionsStored()).toBe(0);
    expect((await arbiter.http.get('/v1/pipelines/support', { token })).status).toBe(404);

    const put = await yaml<{ warnings: Located[] }>('PUT', '/v1/pipelines/support', VALID);
    expect(put.status).toBe(200);
    expect(res.body.warnings.map(({ path, message }) => ({ path, message }))).toEqual(
      put.body.warnings,
    );
  });

  it('answers every problem PUT refuses the policy for, each at its line and column', async () => {
    const res = await check(INVALID);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    const at = (path: string) => res.body.problems.find((p) => p.path === path);
    expect(at('thresholds.autoApprove')).toMatchObject({ line: 3, column: 3 });
    expect(at('validators[0].onFail')).toMatchObject({ line: 8, column: 5 });
    expect(at('review.sla')).toMatchObject({ line: 10, column: 3 });

    const put = await yaml<{ problems: Located[] }>('PUT', '/v1/pipelines/support', INVALID);
    expect(put.status).toBe(400);
    expect(res.body.problems.map(({ path, message }) => ({ path, message }))).toEqual(
      put.body.problems,
    );
    expect(await versionsStored()).toBe(0);
  });

  it('places a YAML syntax error and a document for another pipeline', async () => {
    const broken = await check('pipeline: support\nthresholds: [0.9,\n');
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ valid: false, warnings: [] });
    expect(broken.body.problems).toEqual([
      {
        path: '',
        message: expect.stringMatching(/^YAML syntax error at line \d+, column \d+/),
        line: expect.any(Number),
        column: expect.any(Number),
      },
    ]);

    const other = await check(VALID, 'billing');
    expect(other.body.valid).toBe(false);
    expect(other.body.problems).toContainEqual(
      expect.objectContaining({ path: 'pipeline', line: 1, column: 1 }),
    );
  });

  it('checks a JSON body too (no text, so no place), and refuses another content type', async () => {
    const good = await arbiter.http.post<CheckView>(
      '/v1/pipelines/support/check',
      { pipeline: 'support', ...policy() },
      { token },
    );
    expect(good.status).toBe(200);
    expect(good.body.valid).toBe(true);

    const bad = await arbiter.http.post<CheckView>(
      '/v1/pipelines/support/check',
      { pipeline: 'support', thresholds: { autoApprove: 2 } },
      { token },
    );
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems.length).toBeGreaterThan(0);
    expect(bad.body.problems.every((p) => p.line === null && p.column === null)).toBe(true);

    const plain = await arbiter.http.request<{ message: string }>(
      'POST',
      '/v1/pipelines/support/check',
      undefined,
      { token, raw: VALID, headers: { 'content-type': 'text/plain' } },
    );
    expect(plain.status).toBe(415);
    expect(plain.body.message).toMatch(/application\/json or application\/yaml/);
    expect(await versionsStored()).toBe(0);
  });
});
