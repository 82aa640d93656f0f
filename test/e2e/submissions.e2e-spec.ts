import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

interface View {
  id: string;
  status: string;
  policyVersion: number;
  confidence: number | null;
  decision: {
    outcome: string | null;
    route: string;
    decidedBy?: string;
    reasons: { code: string }[];
  } | null;
  signals: { name: string; score: number | null; evidence: unknown }[];
  gates: { type: string; passed: boolean }[];
  timeline: { to: string | null }[];
}

describe('POST /v1/submissions → scored and routed', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(() => arbiter.stop());
  beforeEach(() => arbiter.reset());

  const key = () => arbiter.bootstrapKey;
  const submit = (
    body: Record<string, unknown>,
    path = '/v1/submissions',
    headers: Record<string, string> = {},
  ) => arbiter.http.post<View>(path, body, { token: key(), headers });
  const view = async (id: string) =>
    (await arbiter.http.get<View>(`/v1/submissions/${id}`, { token: key() })).body;
  const settled = (id: string, status: string) =>
    expectEventually(async () => {
      const v = await view(id);
      expect(v.status).toBe(status);
      return v;
    });

  it('accepts with 202, persists the row before answering, and auto-approves a grounded answer', async () => {
    await arbiter.putPolicy('support', policy());
    const res = await submit(submissionBody({ externalId: 'ticket-1' }));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'received' });

    const rows = await arbiter.db.query(`SELECT external_id FROM submissions WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([{ external_id: 'ticket-1' }]);

    const done = await settled(res.body.id, 'approved');
    expect(done.decision).toMatchObject({ outcome: 'approved', decidedBy: 'auto' });
    expect(done.confidence).toBeGreaterThan(0);
    expect(done.signals.find((s) => s.name === 'grounding')?.score).toBeGreaterThan(0.5);
    expect(done.timeline.map((e) => e.to)).toEqual(['received', 'scoring', 'approved']);
    expect(done.policyVersion).toBe(1);
  });

  it('rejects by policy when a reject gate fails', async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        validators: [{ type: 'phrases', deny: ['Paris'], onFail: 'reject' }],
      }),
    );
    const res = await submit(submissionBody());
    const done = await settled(res.body.id, 'rejected');
    expect(done.decision).toMatchObject({ outcome: 'rejected', decidedBy: 'policy' });
    expect(done.gates.find((g) => g.type === 'phrases')?.passed).toBe(false);
  });

  it('sends the doubtful band to AI review when the policy configures it', async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { providers: ['embedded'] },
      }),
    );
    const res = await submit(submissionBody());
    // The AI stage settles it within milliseconds; the timeline shows it passed through ai_review.
    await expectEventually(async () => {
      const v = await view(res.body.id);
      expect(v.timeline.map((e) => e.to)).toEqual(
        expect.arrayContaining(['received', 'scoring', 'ai_review']),
      );
    });
  });

  it('sends low confidence and human-gate failures to human review', async () => {
    await arbiter.putPolicy('support', policy({ thresholds: { autoApprove: 1, aiReview: 1 } }));
    const low = await submit(submissionBody());
    expect((await settled(low.body.id, 'human_review')).decision?.reasons[0].code).toBe(
      'confidence.low',
    );

    await arbiter.putPolicy(
      'support',
      policy({
        validators: [{ type: 'phrases', deny: ['Paris'], onFail: 'human' }],
      }),
    );
    const gated = await submit(submissionBody());
    await settled(gated.body.id, 'human_review');
  });

  it('?wait answers with the auto-approved decision in the same request', async () => {
    await arbiter.putPolicy('support', policy());
    const res = await submit(submissionBody(), '/v1/submissions?wait=5000');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.decision?.outcome).toBe('approved');
  });

  it('?wait gives up with 202 when no decision comes in time', async () => {
    await arbiter.putPolicy('support', policy());
    await arbiter.worker!.close(); // nobody scores now
    try {
      const res = await submit(submissionBody(), '/v1/submissions?wait=300');
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('received');
    } finally {
      arbiter.worker = undefined;
    }
  });
});
