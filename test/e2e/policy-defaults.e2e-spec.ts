import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_SIGNALS } from '@arbiter/scoring';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN } from '../support/fixtures';

interface Warning {
  path: string;
  message: string;
}
interface VersionView {
  version: number;
  document: { signals: Record<string, unknown> };
  effective: { signals: Record<string, { weight?: number }> };
  warnings: Warning[];
}
interface Decided {
  status: string;
  confidence: number | null;
}

const ALL_EIGHT = [...KNOWN_SIGNALS];
const REFUNDS = 'Refunds are paid within 5 business days to the original payment method.';

describe('policy defaults: scoring without signals:, warnings for a subset, effective configuration', () => {
  let arbiter: ArbiterHarness;
  let token: string;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    token = await arbiter.adminAccessToken();
  });

  const put = (key: string, doc: Record<string, unknown>) =>
    arbiter.http.put<{
      version: number;
      warnings: Warning[];
      pipeline: { versions: VersionView[] };
    }>(
      `/v1/pipelines/${key}?activate=true`,
      { pipeline: key, review: { queue: key }, ...ALWAYS_HUMAN, ...doc },
      { token },
    );
  // Scored and routed (to people: ALWAYS_HUMAN), then read back like a client would.
  const decide = async (pipeline: string, context: string, output: string): Promise<Decided> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      {
        pipeline,
        input: { prompt: 'How long do refunds take?', context: [{ id: 'kb-1', text: context }] },
        output: { text: output },
        model: { provider: 'openai', name: 'gpt-4o-mini' },
      },
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    await arbiter.waitForQueuesIdle();
    const read = await arbiter.http.get<Decided>(`/v1/submissions/${res.body.id}`, {
      token: arbiter.bootstrapKey,
    });
    expect(read.body.status).toBe('human_review');
    return read.body;
  };

  it('a policy without signals: ranks a right answer above a wrong one, exactly as one listing all eight', async () => {
    expect(ALL_EIGHT).toHaveLength(8);
    expect((await put('bare', {})).status).toBe(200);
    const listed = Object.fromEntries(ALL_EIGHT.map((s) => [s, { weight: 1 }]));
    expect((await put('listed', { signals: listed })).status).toBe(200);

    const right = 'Refunds take 5 business days.';
    const wrong = 'Refunds take 9 business days.';
    const bare = [await decide('bare', REFUNDS, right), await decide('bare', REFUNDS, wrong)];
    const all = [await decide('listed', REFUNDS, right), await decide('listed', REFUNDS, wrong)];
    expect(bare[0].confidence).toBeGreaterThan(bare[1].confidence as number);
    // Equal up to float rounding: jsonb stores the listed signals in its own key order, so the
    // contributions are summed in another order.
    bare.forEach((d, i) => expect(d.confidence).toBeCloseTo(all[i].confidence as number, 12));
  });

  it('saves a subset policy with warnings naming the fitted signals it leaves out', async () => {
    const res = await put('subset', { signals: { grounding: { weight: 3 }, logprob: {} } });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toHaveLength(1);
    expect(res.body.warnings[0].path).toBe('signals');
    for (const s of [
      'numbers',
      'entities',
      'citations',
      'contradiction',
      'selfConsistency',
      'relevance',
    ])
      expect(res.body.warnings[0].message).toContain(s);
    expect(res.body.warnings[0].message).not.toMatch(/\bgrounding\b|\blogprob\b/);

    const view = await arbiter.http.get<{ versions: VersionView[] }>('/v1/pipelines/subset', {
      token,
    });
    expect(view.body.versions[0].warnings).toEqual(res.body.warnings);
    expect(view.body.versions[0].effective.signals).toEqual({
      grounding: { weight: 3 },
      logprob: {},
    });
  });

  it('reads every version back with its effective configuration, defaults filled in', async () => {
    expect((await put('evolving', { signals: { grounding: {} } })).status).toBe(200);
    const second = await put('evolving', {});
    expect(second.body.warnings).toEqual([]);

    const view = await arbiter.http.get<{ versions: VersionView[] }>('/v1/pipelines/evolving', {
      token,
    });
    const [v1, v2] = view.body.versions;
    expect(Object.keys(v1.effective.signals)).toEqual(['grounding']);
    expect(v1.warnings.map((w) => w.path)).toEqual(['signals']);
    expect(v2.document.signals).toEqual({});
    expect(Object.keys(v2.effective.signals)).toEqual(ALL_EIGHT);
    expect(Object.values(v2.effective.signals).every((s) => s.weight === 1)).toBe(true);
  });

  it("approves the README's first example under the demo policy, with no warnings", async () => {
    const yaml = readFileSync(join(__dirname, '../../pipelines/demo.yaml'), 'utf8');
    const res = await arbiter.http.put<{ warnings: Warning[] }>(
      '/v1/pipelines/demo?activate=true',
      undefined,
      {
        token,
        raw: yaml,
        headers: { 'content-type': 'application/yaml' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    const sent = await arbiter.http.post<Decided>(
      '/v1/submissions?wait=10000',
      {
        pipeline: 'demo',
        input: { context: [{ id: 'kb-1', text: 'The store opens at 9 am.' }] },
        output: { text: 'The store opens at 9 am.' },
        model: { provider: 'openai', name: 'gpt-4o-mini' },
      },
      { token: arbiter.bootstrapKey },
    );
    expect(sent.body.status).toBe('approved');
  });
});
