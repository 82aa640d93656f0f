import { CalibrationVerdict, refitCalibration } from '@arbiter/oversight';
import { ScheduledRecalibration } from '@arbiter/pipelines';
import { recalibrate } from '@arbiter/scoring';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

/**
 * The policy's `scoring.calibration` applied by the score stage, and a calibration refitted from
 * reviewers' verdicts through the real API: proposed with its fit before and after, applied by a
 * lead as a new policy version that keeps routing where it was, and then used for scoring.
 */
describe('oversight: calibration applied, and refitted from verdicts', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
  });

  let seq = 0;
  const submit = async (text: string, pipeline = 'support'): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline, externalId: `c-${seq++}`, output: { text } }),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  interface Row {
    id: string;
    status: string;
    confidence: number;
    modelConfidence: number | null;
    text: string;
  }
  const settled = (ids: string[]) =>
    expectEventually(async () => {
      const rows: Row[] = await arbiter.db.query(
        `SELECT id, status, confidence, (scoring->>'modelConfidence')::float8 AS "modelConfidence",
                output->>'text' AS text
           FROM submissions WHERE id = ANY($1)`,
        [ids],
      );
      expect(rows.filter((r) => !['received', 'scoring'].includes(r.status))).toHaveLength(
        ids.length,
      );
      return ids.map((id) => rows.find((r) => r.id === id)!);
    }, 30_000);
  const admin = () => arbiter.adminAccessToken();
  interface PolicyDocument {
    scoring: { calibration: unknown };
    thresholds: { autoApprove: number; aiReview: number };
  }

  const right = [
    'The capital of France is Paris.',
    'Paris is the capital of France.',
    'Paris is the capital and largest city of France.',
    'France has Paris as its capital.',
    "The answer is Paris, France's capital.",
    'It is Paris.',
    'Paris.',
  ];
  const wrong = [
    'The capital of France is Lyon.',
    'Lyon is the capital of France, on the Rhône, since 1820.',
    'Marseille is the capital of France.',
    'France has no capital city.',
    'The capital of Germany is Berlin.',
    'It is Nice, on the Riviera.',
    'Bordeaux, the wine capital, is the capital of France.',
  ];
  /**
   * 28 outputs, each sent to people (the active policy must route them all there), and decided
   * by a reviewer who agrees with the labels except on two outputs (people make mistakes too).
   */
  const reviewedTraffic = async (): Promise<{ outputs: string[]; rows: Row[] }> => {
    const outputs = [...right, ...right, ...wrong, ...wrong];
    const rows = await settled(await Promise.all(outputs.map((t) => submit(t))));
    expect(rows.every((r) => r.status === 'human_review')).toBe(true);
    const alice = await reviewers.connect('alice@test.local');
    const slips = new Set([right[3], wrong[6]]);
    for (let i = 0; i < rows.length; i++) {
      const task = await expectEventually(async () => {
        const claimed = await alice.claim();
        expect(claimed).not.toBeNull();
        return claimed!;
      });
      const text = task.submission.output.text as string;
      const isRight = right.includes(text) !== slips.has(text);
      const ack = isRight
        ? await alice.decide(task, 'approve')
        : await alice.decide(task, 'reject', { reasonCodes: ['inaccurate'] });
      expect(ack).toMatchObject({ ok: true, result: 'decided' });
    }
    return { outputs, rows };
  };

  it("the policy's Platt map is applied over the model's confidence, which is kept beside it", async () => {
    await arbiter.putPolicy('support', policy());
    const text = 'The capital of France is Paris.';
    const [plain] = await settled([await submit(text)]);
    expect(plain.modelConfidence).toBeNull();
    const platt = { method: 'platt', a: -0.6, b: 0.4 } as const;
    await arbiter.putPolicy('support', policy({ scoring: { calibration: platt } }));
    const [mapped] = await settled([await submit(text)]);
    expect(mapped.modelConfidence).toBeCloseTo(plain.confidence, 12);
    const z = Math.log(plain.confidence / (1 - plain.confidence));
    expect(mapped.confidence).toBeCloseTo(1 / (1 + Math.exp(platt.a * z + platt.b)), 10);
    // A map that would rank outputs the wrong way round is refused.
    const bad = await arbiter.http.put(
      '/v1/pipelines/support',
      {
        pipeline: 'support',
        ...policy({ scoring: { calibration: { method: 'platt', a: 1, b: 0 } } }),
      },
      { token: await admin() },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('scoring.calibration.a');
  });

  it('a refit is proposed from verdicts, applied as a new version that approves the same outputs, and then scores', async () => {
    // Everything goes to people: their verdicts are what the refit stands on.
    const reviewed = (autoApprove: number) =>
      policy({
        thresholds: { autoApprove, aiReview: 0 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
      });
    await arbiter.putPolicy('support', reviewed(1));
    const { outputs, rows } = await reviewedTraffic();

    // The proposal, computed here from the same verdicts.
    const verdicts: CalibrationVerdict[] = await arbiter.db.query(
      `SELECT confidence, confidence AS "modelConfidence", 1::float8 AS weight,
              decision->>'outcome' = 'approved' AS acceptable
         FROM submissions WHERE decision->>'decidedBy' = 'human'`,
    );
    expect(verdicts.length).toBeGreaterThanOrEqual(20);
    const expected = refitCalibration(
      verdicts,
      { method: 'identity' },
      {
        targetError: 0.3,
        delta: 0.05,
      },
    );
    if (expected.calibration === null) throw new Error(expected.reason);
    // Then automation is let out between two of the confidences seen: some approved, some not.
    const seen = [...new Set(rows.map((r) => r.confidence))].sort((a, b) => a - b);
    expect(seen.length).toBeGreaterThan(3);
    const middle = Math.floor(seen.length / 2);
    const threshold = Number(((seen[middle - 1] + seen[middle]) / 2).toFixed(6));
    await arbiter.putPolicy('support', reviewed(threshold));
    const approvedBefore = rows.map((r) => r.confidence >= threshold);
    expect(approvedBefore).toContain(true);
    expect(approvedBefore).toContain(false);

    const res = await arbiter.http.get<{
      current: { calibration: { method: string }; autoApprove: number };
      verdicts: { reviewed: number; audited: number };
      proposal: {
        calibration: { method: string; a: number; b: number };
        fit: { before: { logLoss: number }; after: { logLoss: number } };
        reliability: { before: unknown[]; after: unknown[] };
        threshold: { threshold: number | null };
        carried: { autoApprove: number; aiReview: number };
      };
    }>('/v1/pipelines/support/recalibration/refit?targetError=0.3', { token: await admin() });
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({
      calibration: { method: 'identity' },
      autoApprove: threshold,
    });
    expect(res.body.verdicts).toEqual({ reviewed: verdicts.length, audited: 0 });
    const { proposal } = res.body;
    expect(proposal.calibration.a).toBeCloseTo(expected.calibration.a, 5);
    expect(proposal.calibration.b).toBeCloseTo(expected.calibration.b, 5);
    expect(proposal.calibration.a).toBeLessThan(0);
    expect(proposal.fit.after.logLoss).toBeLessThanOrEqual(proposal.fit.before.logLoss);
    expect(proposal.reliability.after.length).toBeGreaterThan(0);

    // Applied: a new active version with the map and the thresholds carried to its scale.
    const applied = await arbiter.http.post<{ version: number }>(
      '/v1/pipelines/support/recalibration/refit/apply',
      {
        reason: 'verdicts of the first week',
        a: proposal.calibration.a,
        b: proposal.calibration.b,
      },
      { token: await admin() },
    );
    expect(applied.status).toBe(200);
    expect(applied.body.version).toBe(3);
    const pipeline = await arbiter.http.get<{
      activeVersion: number;
      versions: { version: number; document: PolicyDocument }[];
    }>('/v1/pipelines/support', { token: await admin() });
    expect(pipeline.body.activeVersion).toBe(3);
    const v3 = pipeline.body.versions.find((v) => v.version === 3)!.document;
    expect(v3.scoring.calibration).toEqual(proposal.calibration);
    expect(v3.thresholds).toEqual(proposal.carried);
    expect(proposal.carried.autoApprove).toBeLessThan(1);
    const history = (
      await arbiter.http.get<{ history: { kind: string; cause: string; actor: string }[] }>(
        '/v1/pipelines/support/oversight',
        { token: await admin() },
      )
    ).body.history;
    expect(history[0]).toMatchObject({ kind: 'recalibration', cause: 'calibration_applied' });

    // The same outputs scored again: the new confidence is the map of the model's, and each is
    // approved exactly when it was under the threshold before the refit (it was carried).
    const again = await settled(await Promise.all(outputs.map((t) => submit(t))));
    for (const [i, row] of again.entries()) {
      expect(row.modelConfidence).toBeCloseTo(rows[i].confidence, 12);
      expect(row.confidence).toBeCloseTo(
        recalibrate(proposal.calibration as never, rows[i].confidence),
        10,
      );
      expect(row.status === 'approved').toBe(approvedBefore[i]);
    }

    // The refit reads the model's confidence, not the calibrated one: the same verdicts, the same map.
    const refitAgain = await arbiter.http.get<{ current: { calibration: unknown } }>(
      '/v1/pipelines/support/recalibration/refit?targetError=0.3',
      { token: await admin() },
    );
    expect(refitAgain.body.current.calibration).toEqual(proposal.calibration);

    // A lead may set the threshold on the new scale; without a and b the map is refitted now.
    const withThreshold = await arbiter.http.post<{ version: number }>(
      '/v1/pipelines/support/recalibration/refit/apply',
      { reason: 'stricter', autoApprove: 0.9 },
      { token: await admin() },
    );
    expect(withThreshold.status).toBe(200);
    const v4 = (
      await arbiter.http.get<{ versions: { version: number; document: PolicyDocument }[] }>(
        '/v1/pipelines/support',
        { token: await admin() },
      )
    ).body.versions.find((v) => v.version === withThreshold.body.version)!.document;
    expect(withThreshold.body.version).toBe(4);
    expect(v4.thresholds.autoApprove).toBe(0.9);
    expect(v4.thresholds.aiReview).toBeLessThanOrEqual(0.9);
  });

  it('scheduled: with refitCalibration and autoApply the run applies the refit, and the next run moves on to the threshold', async () => {
    const scheduled = (autoApprove: number) =>
      policy({
        thresholds: { autoApprove, aiReview: 0 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
        recalibration: {
          every: '1h',
          targetError: 0.4,
          minVerdicts: 1,
          autoApply: true,
          maxStep: 0.5,
          refitCalibration: true,
        },
      });
    await arbiter.putPolicy('support', scheduled(1));
    await reviewedTraffic();
    const run = (at: number) => arbiter.worker!.get(ScheduledRecalibration).execute(new Date(at));
    const token = await admin();
    const pipeline = async () =>
      (
        await arbiter.http.get<{
          activeVersion: number;
          versions: { version: number; document: PolicyDocument }[];
        }>('/v1/pipelines/support', { token })
      ).body;
    const history = async () =>
      (
        await arbiter.http.get<{
          history: { kind: string; cause: string; actor: string; toState: string }[];
        }>('/v1/pipelines/support/oversight', { token })
      ).body.history;

    expect(await run(Date.now())).toEqual({ support: 'calibration_applied' });
    const after = await pipeline();
    expect(after.activeVersion).toBe(2);
    const v2 = after.versions.find((v) => v.version === 2)!.document;
    expect(v2.scoring.calibration).toMatchObject({ method: 'platt', a: expect.any(Number) });
    // Carried: autoApprove 1 stays 1, nothing approved more than before.
    expect(v2.thresholds).toEqual({ autoApprove: 1, aiReview: 0 });
    expect((await history())[0]).toMatchObject({
      kind: 'recalibration',
      cause: 'calibration_applied',
      actor: 'recalibration:auto',
    });

    // The next run: the same verdicts give the same map (no better than itself), so it is only
    // recorded, and the threshold is proposed on the new scale and stepped toward.
    expect(await run(Date.now() + 2 * 3_600_000)).toEqual({ support: 'applied' });
    const [threshold, refit] = await history();
    expect(refit).toMatchObject({ cause: 'calibration_proposed' });
    expect(threshold).toMatchObject({ cause: 'applied', actor: 'recalibration:auto' });
    expect((await pipeline()).activeVersion).toBe(3);
  });

  it('refuses a refit it cannot stand behind, and bad input', async () => {
    await arbiter.putPolicy('support', policy());
    const token = await admin();
    const view = await arbiter.http.get<{ proposal: { calibration: null; reason: string } }>(
      '/v1/pipelines/support/recalibration/refit',
      { token },
    );
    expect(view.status).toBe(200);
    expect(view.body.proposal).toMatchObject({
      calibration: null,
      reason: expect.stringContaining('0 verdicts'),
    });
    const none = await arbiter.http.post(
      '/v1/pipelines/support/recalibration/refit/apply',
      { reason: 'try it' },
      { token },
    );
    expect(none.status).toBe(409);
    for (const body of [
      { reason: 'positive slope', a: 0.5, b: 0 },
      { reason: 'only a', a: -1 },
      { reason: 'bad threshold', a: -1, b: 0, autoApprove: 2 },
      { a: -1, b: 0 },
    ]) {
      const res = await arbiter.http.post('/v1/pipelines/support/recalibration/refit/apply', body, {
        token,
      });
      expect(res.status).toBe(400);
    }
    expect(
      (await arbiter.http.get('/v1/pipelines/nope/recalibration/refit', { token })).status,
    ).toBe(404);
    const reviewer = await reviewers.connect('bob@test.local');
    expect(
      (
        await arbiter.http.get('/v1/pipelines/support/recalibration/refit', {
          token: reviewer.token,
        })
      ).status,
    ).toBe(403);
  });
});
