import { AutomationBreaker, proposeThreshold } from '@arbiter/oversight';
import { ScheduledRecalibration } from '@arbiter/pipelines';
import { DRAW_SALTS, drawFor } from '@arbiter/policy';
import { expectEventually } from '@arbiter/testing';
import { generateWebhookSecret } from '@arbiter/delivery';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient, TaskView } from '../support/reviewer.client';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

const MAINTENANCE_MS = 200;

/**
 * The self-checking loop through the real API, queues and sockets: audits of automatic approvals,
 * `audit.failed` to the client, and the automation breaker tripping, half-opening, closing and
 * being forced by a lead.
 */
describe('oversight: QA audits and the automation breaker', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  const alertSecret = generateWebhookSecret();
  const reviewers = new OpenReviewers(() => arbiter);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({
      config: {
        webhooks: testWebhookConfig(),
        alerts: {
          webhookUrl: receiver.url('/alerts'),
          webhookSecret: alertSecret,
          slackUrl: receiver.url('/slack'),
        },
        // reset() empties Redis, schedules included: the worker restores them within this.
        worker: { scheduleCheckEveryMs: MAINTENANCE_MS },
        review: {
          leaseMs: 60_000,
          leaseWarningMs: 1000,
          atRiskMarginMs: 15 * 60_000,
          maintenanceEveryMs: MAINTENANCE_MS,
          reconcileEveryMs: 3_600_000,
        },
      },
    });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    receiver.reset();
  });

  let seq = 0;
  const submit = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ externalId: `o-${seq++}`, ...overrides }),
      {
        token: arbiter.bootstrapKey,
      },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const settled = (ids: string[]) =>
    expectEventually(async () => {
      const rows: { id: string; status: string; decision: Record<string, unknown> }[] =
        await arbiter.db.query(`SELECT id, status, decision FROM submissions WHERE id = ANY($1)`, [
          ids,
        ]);
      expect(rows.filter((r) => !['received', 'scoring'].includes(r.status))).toHaveLength(
        ids.length,
      );
      return rows;
    }, 30_000);
  const auditTasks = async (): Promise<
    { submissionId: string; queue: string; priority: number }[]
  > =>
    arbiter.db.query(
      `SELECT submission_id AS "submissionId", queue, priority FROM review_tasks WHERE kind = 'qa'`,
    );
  const oversight = async () =>
    (
      await arbiter.http.get<OversightBody>('/v1/pipelines/support/oversight', {
        token: await arbiter.adminAccessToken(),
      })
    ).body;
  const claimAudit = async (reviewer: ReviewerClient): Promise<TaskView> =>
    expectEventually(async () => {
      const task = await reviewer.claim();
      expect(task?.task.kind).toBe('qa');
      return task!;
    });
  const audit = async (reviewer: ReviewerClient, overturn: boolean) => {
    const task = await claimAudit(reviewer);
    const ack = overturn
      ? await reviewer.decide(task, 'reject', { reasonCodes: ['inaccurate'] })
      : await reviewer.decide(task, 'approve');
    expect(ack).toMatchObject({
      ok: true,
      result: 'audited',
      verdict: overturn ? 'overturned' : 'agreed',
    });
    return task;
  };

  it('audit tasks are created for the sampled share of automatic approvals, in the QA queue at the QA priority', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ qa: { sampleAutoApproved: 0.25, queue: 'support-qa', priority: 40 } }),
    );
    const ids = await Promise.all(Array.from({ length: 120 }, () => submit()));
    const rows = await settled(ids);
    expect(rows.every((r) => r.status === 'approved')).toBe(true);
    const sampled = rows
      .filter((r) => r.decision.qaSample === true)
      .map((r) => r.id)
      .sort();
    for (const r of rows) expect(r.decision.qaSampleRate).toBe(0.25);
    // Binomial(120, 0.25): mean 30, sd 4.7; ±4 sd holds unless the draw is broken.
    expect(Math.abs(sampled.length - 30)).toBeLessThanOrEqual(19);
    const tasks = await expectEventually(async () => {
      const found = await auditTasks();
      expect(found).toHaveLength(sampled.length);
      return found;
    });
    expect(tasks.map((t) => t.submissionId).sort()).toEqual(sampled);
    expect(new Set(tasks.map((t) => `${t.queue}:${t.priority}`))).toEqual(
      new Set(['support-qa:40']),
    );
  });

  it('an overturned audit sends audit.failed to the client; the approval stands and the estimate counts it', async () => {
    receiver.secrets = [await webhookSecret()];
    await arbiter.putPolicy(
      'support',
      policy({
        qa: { sampleAutoApproved: 1 },
        review: { queue: 'support', reasonCodes: ['inaccurate', 'tone'] },
      }),
    );
    const [kept, recalled] = [
      await submit({ callbackUrl: receiver.url() }),
      await submit({ callbackUrl: receiver.url() }),
    ];
    await settled([kept, recalled]);
    const alice = await reviewers.connect('alice@test.local');
    const first = await claimAudit(alice);
    const firstIsKept = first.submission.id === kept;
    const overturnFirst = !firstIsKept;
    expect(
      overturnFirst
        ? await alice.decide(first, 'edit', {
            editedOutput: { text: 'Paris is the capital of France.' },
            reasonCodes: ['tone'],
          })
        : await alice.decide(first, 'approve'),
    ).toMatchObject({ ok: true, result: 'audited' });
    const second = await claimAudit(alice);
    expect(
      overturnFirst
        ? await alice.decide(second, 'approve')
        : await alice.decide(second, 'edit', {
            editedOutput: { text: 'Paris is the capital of France.' },
            reasonCodes: ['tone'],
          }),
    ).toMatchObject({ ok: true, result: 'audited' });
    expect(await alice.decide(second, 'escalate')).toMatchObject({ ok: false });

    const hooks = await receiver.waitFor(3);
    const failed = hooks.filter((h) => (h.payload as { type: string }).type === 'audit.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].verifiedWith).toEqual(receiver.secrets);
    expect(failed[0].payload).toMatchObject({
      type: 'audit.failed',
      data: {
        id: recalled,
        status: 'approved',
        approvedBy: 'auto',
        audit: {
          verdict: 'overturned',
          reasonCodes: ['tone'],
          correctedOutput: { text: 'Paris is the capital of France.' },
        },
      },
    });
    const statuses: { status: string }[] = await arbiter.db.query(
      `SELECT status FROM submissions WHERE id = ANY($1)`,
      [[kept, recalled]],
    );
    expect(statuses.map((s) => s.status)).toEqual(['approved', 'approved']);
    const view = await oversight();
    expect(view.escapedErrors.overall).toMatchObject({ audits: 2, overturned: 1, errorRate: 0.5 });
    expect(view.escapedErrors.overall.upperBound).toBeGreaterThan(0.5);
    expect(view.escapedErrors.byModelVersion).toEqual([
      expect.objectContaining({ key: 'gpt-4o-mini', audits: 2 }),
    ]);
  });

  it('a rising override rate opens the breaker: nothing is auto-approved after the trip; it half-opens, closes on clean audits, and leads can force it', async () => {
    receiver.secrets = [alertSecret];
    await arbiter.putPolicy(
      'support',
      policy({
        qa: { sampleAutoApproved: 1 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
        breaker: {
          maxOverrideRate: 0.2,
          window: 10,
          minSamples: 5,
          coolDown: '2s',
          halfOpenShare: 1,
          halfOpenAudits: 3,
        },
      }),
    );
    const alice = await reviewers.connect('alice@test.local');
    await settled(await Promise.all(Array.from({ length: 5 }, () => submit())));

    // Traffic keeps flowing while the audits come in, so approvals race the trip.
    let flowing = true;
    const during: string[] = [];
    const traffic = (async () => {
      while (flowing) during.push(await submit());
    })();
    for (const overturn of [true, false, false, true, false]) await audit(alice, overturn);
    await expectEventually(async () => expect((await oversight()).breaker.state).toBe('open'));
    const afterTrip = [await submit(), await submit()];
    flowing = false;
    await traffic;
    await settled([...during, ...afterTrip]);

    const [trip] = await arbiter.db.query(
      `SELECT created_at AS at, cause, figures FROM oversight_events WHERE to_state = 'open' ORDER BY id LIMIT 1`,
    );
    expect(trip).toMatchObject({ cause: 'override_rate', figures: { audits: 5, overturned: 2 } });
    const autoAfterTrip = await arbiter.db.query(
      `SELECT id FROM submissions WHERE decision->>'decidedBy' = 'auto' AND decided_at >= $1`,
      [trip.at],
    );
    expect(autoAfterTrip).toEqual([]);
    const held: { decision: { route: string; reasons: { code: string }[] } }[] =
      await arbiter.db.query(`SELECT decision FROM submissions WHERE id = ANY($1)`, [afterTrip]);
    for (const h of held) {
      expect(h.decision.route).toBe('human_review');
      expect(h.decision.reasons[0].code).toBe('breaker.open');
    }

    // Cool-down over: half-open lets approvals through again, audited; three clean audits close it.
    // The maintenance schedule sweeps every 200 ms here; on a loaded machine its queue can lag, so
    // the test also runs the same sweep (the schedule itself: maintenance-schedules.e2e-spec).
    await expectEventually(async () => {
      await arbiter.worker!.get(AutomationBreaker).sweep();
      expect((await oversight()).breaker.state).toBe('half_open');
    }, 15_000);
    const probes = await Promise.all([submit(), submit(), submit()]);
    const probeRows = await settled(probes);
    expect(probeRows.every((r) => r.status === 'approved' && r.decision.qaSample === true)).toBe(
      true,
    );
    // The audits still queued from before the trip come first; agree with all until it closes.
    await expectEventually(
      async () => {
        await audit(alice, false);
        expect((await oversight()).breaker.state).toBe('closed');
      },
      30_000,
      1,
    );
    const history = (await oversight()).history
      .map((h) => `${h.fromState}→${h.toState}:${h.cause}`)
      .reverse();
    expect(history).toEqual([
      'closed→open:override_rate',
      'open→half_open:cool_down',
      'half_open→closed:clean_audits',
    ]);

    // One alert for the trip, sent signed to the webhook and as a Slack body, then its resolve.
    const admin = await arbiter.adminAccessToken();
    const alerts = await arbiter.http.get<{
      alerts: { kind: string; status: string; message: string }[];
    }>('/v1/alerts', { token: admin });
    expect(alerts.body.alerts).toEqual([
      expect.objectContaining({
        kind: 'breaker_open',
        status: 'resolved',
        message: expect.stringContaining('Pipeline support: automation breaker open'),
      }),
    ]);
    await expectEventually(() => {
      const hooks = receiver.received.filter((r) => r.path === '/alerts');
      expect(hooks.map((h) => (h.payload as { type: string }).type)).toEqual([
        'alert.firing',
        'alert.resolved',
      ]);
      expect(hooks.every((h) => h.verifiedWith.length === 1)).toBe(true);
      const slack = receiver.received.filter((r) => r.path === '/slack');
      expect(slack.map((h) => (JSON.parse(h.body) as { text: string }).text)).toEqual([
        expect.stringContaining('automation breaker open'),
        expect.stringContaining('[Arbiter resolved]'),
      ]);
    });

    // A lead forces it open: held at once, with the reason in the history; `auto` hands it back.
    const forced = await arbiter.http.put(
      '/v1/pipelines/support/breaker',
      { state: 'open', reason: 'provider incident' },
      { token: admin },
    );
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({
      state: 'open',
      forced: { state: 'open', reason: 'provider incident' },
    });
    const [duringForce] = await settled([await submit()]);
    expect(duringForce.status).toBe('human_review');
    // /metrics says so (ops/prometheus/alerts.yml alerts on it), with the error bound and its target.
    const metrics = (await arbiter.http.get<string>('/metrics')).body;
    expect(metrics).toContain('arbiter_automation_breaker_state{pipeline="support"} 2');
    expect(metrics).toMatch(/arbiter_escaped_error_upper_bound\{pipeline="support"\} 0\.\d+/);
    expect(metrics).toContain('arbiter_escaped_error_target{pipeline="support"} 0.05');
    expect(metrics).toContain('arbiter_alerts_firing{kind="breaker_open"} 1');
    expect(
      (
        await arbiter.http.put(
          '/v1/pipelines/support/breaker',
          { state: 'auto', reason: 'resolved' },
          { token: admin },
        )
      ).body,
    ).toMatchObject({ state: 'open', forced: null });
    expect(
      (
        await arbiter.http.put(
          '/v1/pipelines/support/breaker',
          { state: 'closed', reason: 'checked by hand' },
          { token: admin },
        )
      ).body,
    ).toMatchObject({ state: 'closed' });
    const [afterClose] = await settled([await submit()]);
    expect(afterClose.status).toBe('approved');
  });

  it('the rollout climbs its steps only on clean audits and steps back when the breaker trips', async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        qa: { sampleAutoApproved: 1, queue: 'support-qa' },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
        rollout: { steps: [0.3, 1], minAudits: 3, targetError: 0.9 },
        breaker: { maxOverrideRate: 0.2, window: 10, minSamples: 3, coolDown: '1h' },
      }),
    );
    const auditor = await reviewers.connect('qa@test.local', ['support-qa']);
    // Three approvals to audit are needed: each item's rollout draw comes from its random id, so
    // 30 items at a 0.3 share leave fewer than three about once in 500 runs; more batches of 30
    // until there are three (at most five batches, 150 items).
    const first: Awaited<ReturnType<typeof settled>> = [];
    while (first.filter((r) => r.status === 'approved').length < 3 && first.length < 150)
      first.push(...(await settled(await Promise.all(Array.from({ length: 30 }, () => submit())))));
    // Exactly the items whose rollout draw is under the first step's share are approved.
    for (const row of first) {
      const letOut = drawFor(row.id, DRAW_SALTS.rollout) < 0.3;
      expect(row.status).toBe(letOut ? 'approved' : 'human_review');
      if (!letOut)
        expect((row.decision.reasons as { code: string }[])[0].code).toBe('rollout.held');
    }
    const approved = first.filter((r) => r.status === 'approved').length;
    expect(approved).toBeGreaterThanOrEqual(3);
    expect((await oversight()).rollout).toMatchObject({ step: 0, share: 0.3, steps: [0.3, 1] });

    for (let i = 0; i < 3; i++) await audit(auditor, false);
    await expectEventually(async () =>
      expect((await oversight()).rollout).toMatchObject({ step: 1, share: 1 }),
    );
    const climbed = await settled(await Promise.all(Array.from({ length: 5 }, () => submit())));
    expect(climbed.map((r) => r.status)).toEqual(Array(5).fill('approved'));

    await audit(auditor, true);
    await expectEventually(async () => {
      const view = await oversight();
      expect(view.breaker.state).toBe('open');
      expect(view.rollout).toMatchObject({ step: 0, share: 0.3 });
    });
    const history = (await oversight()).history
      .map((h) => `${h.kind}:${h.fromState}→${h.toState}:${h.cause}`)
      .reverse();
    expect(history).toEqual([
      'rollout:0.3→1:evidence',
      'breaker:closed→open:override_rate',
      'rollout:1→0.3:breaker_trip',
    ]);
  });

  it("recalibration proposes a threshold from reviewers' verdicts, and a lead applies it as a new version", async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
      }),
    );
    const right = { text: 'The capital of France is Paris.' };
    const wrong = { text: 'The capital of France is Lyon, on the Rhône, since 1820.' };
    const ids = await Promise.all(
      [...Array(6).fill(right), ...Array(6).fill(wrong)].map((output) => submit({ output })),
    );
    const rows = await settled(ids);
    expect(rows.every((r) => r.status === 'human_review')).toBe(true);
    const alice = await reviewers.connect('alice@test.local');
    for (let i = 0; i < ids.length; i++) {
      const task = (await alice.claim())!;
      const isRight = task.submission.output.text === right.text;
      const ack = isRight
        ? await alice.decide(task, 'approve')
        : await alice.decide(task, 'reject', { reasonCodes: ['inaccurate'] });
      expect(ack).toMatchObject({ ok: true, result: 'decided' });
    }
    const scored: { confidence: number; text: string }[] = await arbiter.db.query(
      `SELECT confidence, output->>'text' AS text FROM submissions WHERE id = ANY($1)`,
      [ids],
    );
    const expected = proposeThreshold(
      scored.map((r) => ({
        confidence: r.confidence,
        acceptable: r.text === right.text,
        weight: 1,
      })),
      { targetError: 0.4, delta: 0.05 },
    );
    const admin = await arbiter.adminAccessToken();
    const res = await arbiter.http.get<{
      proposal: { threshold: number | null };
      verdicts: unknown;
      reliability: unknown[];
    }>('/v1/pipelines/support/recalibration?targetError=0.4', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.verdicts).toEqual({ reviewed: 12, audited: 0 });
    expect(res.body.proposal).toEqual(expected);
    expect(expected.threshold).not.toBeNull();
    expect(res.body.reliability.length).toBeGreaterThan(0);

    const applied = await arbiter.http.post<{ version: number }>(
      '/v1/pipelines/support/recalibration/apply',
      { autoApprove: expected.threshold, reason: 'verdicts of the first week' },
      { token: admin },
    );
    expect(applied.status).toBe(200);
    expect(applied.body.version).toBe(2);
    const [after] = await settled([await submit({ output: right })]);
    expect(after.status).toBe('approved');
    expect((await oversight()).history[0]).toMatchObject({
      kind: 'recalibration',
      cause: 'applied',
      toState: String(expected.threshold),
    });
    expect(
      (
        await arbiter.http.get('/v1/pipelines/support/recalibration?targetError=2', {
          token: admin,
        })
      ).status,
    ).toBe(400);
    const bad = await arbiter.http.post(
      '/v1/pipelines/support/recalibration/apply',
      { autoApprove: 1.5, reason: 'x' },
      { token: admin },
    );
    expect(bad.status).toBe(400);
  });

  it('scheduled recalibration records the proposal, and with autoApply makes it the active threshold a step at a time', async () => {
    const recalibrated = (recalibration: Record<string, unknown>) =>
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
        recalibration: { every: '1h', targetError: 0.4, minVerdicts: 1, ...recalibration },
      });
    await arbiter.putPolicy('support', recalibrated({ autoApply: false }));
    const right = { text: 'The capital of France is Paris.' };
    const wrong = { text: 'The capital of France is Lyon, on the Rhône, since 1820.' };
    const ids = await Promise.all(
      [...Array(6).fill(right), ...Array(6).fill(wrong)].map((output) => submit({ output })),
    );
    await settled(ids);
    const alice = await reviewers.connect('alice@test.local');
    for (let i = 0; i < ids.length; i++) {
      const task = (await alice.claim())!;
      if (task.submission.output.text === right.text) await alice.decide(task, 'approve');
      else await alice.decide(task, 'reject', { reasonCodes: ['inaccurate'] });
    }
    const scored: { confidence: number; text: string }[] = await arbiter.db.query(
      `SELECT confidence, output->>'text' AS text FROM submissions WHERE id = ANY($1)`,
      [ids],
    );
    const expected = proposeThreshold(
      scored.map((r) => ({
        confidence: r.confidence,
        acceptable: r.text === right.text,
        weight: 1,
      })),
      { targetError: 0.4, delta: 0.05 },
    );
    expect(expected.threshold).not.toBeNull();
    const run = (now: Date) => arbiter.worker!.get(ScheduledRecalibration).execute(now);
    const active = async () =>
      (
        await arbiter.http.get<{ activeVersion: number }>('/v1/pipelines/support', {
          token: await arbiter.adminAccessToken(),
        })
      ).body.activeVersion;

    // The worker's own schedule runs recalibration too (at once whenever reset() made it restore
    // its schedules): a run it made just before would leave a run dated now nothing to do. So
    // the first run is dated two hours ahead, past `every` after any scheduled one; a run is
    // recorded at the database's time, so a run dated now is then within `every` of it.
    const t0 = new Date(Date.now() + 2 * 3_600_000);
    // Off: proposed and recorded, the policy untouched; not again before `every` has passed.
    expect(await run(t0)).toEqual({ support: 'proposed' });
    expect(await active()).toBe(1);
    expect((await oversight()).history[0]).toMatchObject({
      kind: 'recalibration',
      cause: 'proposed',
      toState: String(expected.threshold),
    });
    expect(await run(new Date())).toEqual({});

    // On, with a step smaller than the way to go: one step now, the rest on the next runs.
    await arbiter.putPolicy('support', recalibrated({ autoApply: true, maxStep: 0.01 }));
    expect(await active()).toBe(2);
    const later = t0.getTime() + 2 * 3_600_000;
    expect(await run(new Date(later))).toEqual({ support: 'applied' });
    expect(await active()).toBe(3);
    expect((await oversight()).history[0]).toMatchObject({
      kind: 'recalibration',
      cause: 'applied',
      fromState: '1',
      toState: '0.99',
      actor: 'recalibration:auto',
    });
    expect(await run(new Date(later + 2 * 3_600_000))).toEqual({ support: 'applied' });
    expect((await oversight()).history[0]).toMatchObject({ fromState: '0.99', toState: '0.98' });
  });

  it('bad oversight input is a 4xx naming the problem', async () => {
    const admin = await arbiter.adminAccessToken();
    const put = (doc: Record<string, unknown>) =>
      arbiter.http.put<{ detail?: string; errors?: { path: string }[] }>(
        '/v1/pipelines/support',
        { pipeline: 'support', ...policy(doc) },
        { token: admin },
      );
    for (const [doc, field] of [
      [{ qa: { delta: 1.5 } }, 'qa.delta'],
      [{ qa: { sampleAutoApproved: 2 } }, 'qa.sampleAutoApproved'],
      [{ breaker: { minSamples: 300 } }, 'breaker.minSamples'],
      [{ breaker: { coolDown: 'soon' } }, 'breaker.coolDown'],
      [{ breaker: { halfOpenShare: -1 } }, 'breaker.halfOpenShare'],
      [{ rollout: { steps: [0.5, 1.2] } }, 'rollout.steps'],
      [{ rollout: { steps: [0.5, 0.25] } }, 'rollout.steps'],
      [{ rollout: { steps: [0.5], targetError: 1 } }, 'rollout.targetError'],
      [{ rollout: { steps: [0.5], autoApproveShare: 0.5 } }, 'rollout.steps'],
      [{ rollout: { minAudits: 10 } }, 'rollout.steps'],
    ] as const) {
      const res = await put(doc);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    await arbiter.putPolicy('support', policy());
    const bad = await arbiter.http.put(
      '/v1/pipelines/support/breaker',
      { state: 'ajar', reason: 'x' },
      { token: admin },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/state/);
    expect((await arbiter.http.get('/v1/pipelines/nope/oversight', { token: admin })).status).toBe(
      404,
    );
    const reviewer = await reviewers.connect('bob@test.local');
    expect(
      (await arbiter.http.get('/v1/pipelines/support/oversight', { token: reviewer.token })).status,
    ).toBe(403);
  });

  const webhookSecret = async (): Promise<string> => {
    const res = await arbiter.http.get<{ secrets: { secret: string }[] }>('/v1/webhook', {
      token: arbiter.bootstrapKey,
    });
    return res.body.secrets[0].secret;
  };
});

interface OversightBody {
  breaker: { state: string; forced: unknown };
  escapedErrors: {
    overall: { audits: number; overturned: number; errorRate: number | null; upperBound: number };
    byModelVersion: { key: string | null; audits: number }[];
  };
  rollout: { step: number; share: number; steps: number[] } | null;
  history: { kind: string; fromState: string; toState: string; cause: string }[];
}
