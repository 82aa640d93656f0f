import { SlaAging } from '@arbiter/review';
import { RollupRepository, StatsReconcile, StatsRollup } from '@arbiter/stats';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { ReviewerClient, TaskView } from '../support/reviewer.client';

const REVIEW = { sla: '30m', priority: 5, escalateTo: 'leads', reasonCodes: ['wrong'] };

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

describe('lead stats: figures match Postgres after a scripted day on the floor', () => {
  let arbiter: ArbiterHarness;
  const clients: ReviewerClient[] = [];
  beforeAll(async () => {
    // Maintenance (SLA aging, rollup, reconciliation) is driven by the test.
    arbiter = await ArbiterHarness.start({
      config: {
        worker: {
          scoreConcurrency: 8,
          stuckAfterMs: 60_000,
          recoveryEveryMs: 3_600_000,
          metricsPort: 0,
        },
        review: {
          leaseMs: 60_000,
          leaseWarningMs: 1000,
          atRiskMarginMs: 15 * 60_000,
          maintenanceEveryMs: 3_600_000,
          reconcileEveryMs: 3_600_000,
        },
        stats: {
          rollupEveryMs: 3_600_000,
          reconcileEveryMs: 3_600_000,
          reconcileMinutes: 60,
          dashboardEveryMs: 1000,
        },
      },
    });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await arbiter.stop();
  });

  const worker = <T>(type: new (...args: never[]) => T): T => arbiter.worker!.get(type);
  const person = async (email: string, queues: string[], role = 'reviewer') => {
    const client = await ReviewerClient.create(arbiter, email, queues, role);
    clients.push(client);
    return client;
  };
  const submit = async (pipeline: string) =>
    (
      await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ pipeline, promptVersion: `${pipeline}-p1` }),
        { token: arbiter.bootstrapKey },
      )
    ).body.id;
  const openTasks = (n: number) =>
    expectEventually(async () => {
      const rows: { id: string; queue: string }[] = await arbiter.db.query(
        `SELECT id, queue FROM review_tasks WHERE status IN ('pending', 'claimed') ORDER BY created_at`,
      );
      expect(rows).toHaveLength(n);
      return rows;
    });
  const stats = async <T = Row>(path: string, token: string) => {
    const res = await arbiter.http.get<T>(`/v1/stats/${path}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  let lead: ReviewerClient;
  let alice: ReviewerClient;

  it('after submissions, claims, decisions, escalations, consensus disagreement and SLA breaches', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', ...REVIEW } }),
    );
    await arbiter.putPolicy(
      'dual',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'dual', ...REVIEW, consensus: 2 } }),
    );
    await arbiter.putPolicy('auto', policy({ review: { queue: 'support', sla: '30m' } }));
    for (let i = 0; i < 3; i++) await submit('auto');
    const support = [];
    for (let i = 0; i < 6; i++) support.push(await submit('support'));
    const dual = await submit('dual');
    const tasks = await openTasks(7);
    // Two support tasks are overdue: SLA aging marks them breached (and claims take them first).
    const overdue = tasks
      .filter((t) => t.queue === 'support')
      .slice(0, 2)
      .map((t) => t.id);
    await arbiter.db.query(
      `UPDATE review_tasks SET due_at = now() - interval '1 minute' WHERE id = ANY($1)`,
      [overdue],
    );
    await worker(SlaAging).execute();

    alice = await person('alice@test.local', ['support', 'dual']);
    const bob = await person('bob@test.local', ['support', 'dual']);
    const claim = async (who: ReviewerClient, queues: string[]) =>
      (await who.claim(queues)) as TaskView;
    expect(await alice.decide(await claim(alice, ['support']), 'approve')).toMatchObject({
      ok: true,
    });
    expect(
      await alice.decide(await claim(alice, ['support']), 'reject', { reasonCodes: ['wrong'] }),
    ).toMatchObject({ ok: true });
    expect(await alice.decide(await claim(alice, ['support']), 'escalate')).toMatchObject({
      ok: true,
      result: 'escalated',
    });
    expect(await alice.decide(await claim(alice, ['support']), 'approve')).toMatchObject({
      ok: true,
    });
    // Consensus of two disagrees: escalated to leads, where the lead rejects (alice is overturned).
    expect(await alice.decide(await claim(alice, ['dual']), 'approve')).toMatchObject({
      ok: true,
      result: 'waiting',
    });
    expect(
      await bob.decide(await claim(bob, ['dual']), 'reject', { reasonCodes: ['wrong'] }),
    ).toMatchObject({ ok: true, result: 'escalated' });
    await claim(bob, ['support']); // held: claimed, not decided
    lead = await person('carol@test.local', ['leads'], 'lead');
    for (let task = await lead.claim(['leads']); task; task = await lead.claim(['leads'])) {
      const action =
        task.submission.id === dual
          ? (['reject', { reasonCodes: ['wrong'] }] as const)
          : (['approve', {}] as const);
      expect(await lead.decide(task, action[0], action[1])).toMatchObject({
        ok: true,
        result: 'decided',
      });
    }
    // An AI reviewer had judged two of the human-decided submissions (one agrees, one does not).
    const humanDecided: { id: string; outcome: string }[] = await arbiter.db.query(
      `SELECT id, decision->>'outcome' AS outcome FROM submissions WHERE decision->>'decidedBy' = 'human' ORDER BY id LIMIT 2`,
    );
    for (const [i, s] of humanDecided.entries()) {
      const verdict = (s.outcome === 'approved') === (i === 0) ? 'approve' : 'reject';
      await arbiter.db.query(
        `INSERT INTO submission_events (submission_id, type, from_status, to_status, actor, data, created_at)
        VALUES ($1, 'ai_review.call', 'ai_review', 'ai_review', 'ai-review', $2, now() - interval '1 second')`,
        [s.id, JSON.stringify({ verdict })],
      );
    }
    expect(support).toHaveLength(6);
    await rollUpEverything();
    await expectFiguresMatchPostgres();
  });

  it('reconciliation repairs drifted counters and a row that committed behind the rollup watermark', async () => {
    await arbiter.db.query(`UPDATE backlog_counters SET count = count + 5`);
    // A late commit: an arrival whose event id sits below the watermark (as if its transaction
    // had taken the id long before committing), which the incremental rollup cannot see.
    await arbiter.db.query(`WITH s AS (
        INSERT INTO submissions (id, client_id, pipeline_id, policy_version_id, status, request_hash, input, output, model, prompt_version)
        SELECT gen_random_uuid(), client_id, pipeline_id, policy_version_id, 'received', 'late', input, output, model, prompt_version
          FROM submissions WHERE status = 'approved' LIMIT 1 RETURNING id)
      INSERT INTO submission_events (id, submission_id, type, to_status, actor) OVERRIDING SYSTEM VALUE
      SELECT -1, id, 'transition', 'received', 'api' FROM s`);
    await rollUpEverything();
    const [{ n }] = await arbiter.db.query(`SELECT count(*)::int AS n FROM submissions`);
    expect((await stats<{ totals: Row }>('throughput', lead.token)).totals.arrivals).toBe(n - 1);
    const result = await worker(StatsReconcile).execute();
    expect(result.drift).toBeGreaterThan(0);
    await expectFiguresMatchPostgres();
    expect((await worker(StatsReconcile).execute()).drift).toBe(0);
    await expectFiguresMatchPostgres();
  });

  it('a reviewer is refused; bad filters get a 400 naming the field', async () => {
    expect((await arbiter.http.get('/v1/stats/backlog', { token: alice.token })).status).toBe(403);
    expect((await arbiter.http.get('/v1/stats/backlog')).status).toBe(401);
    const bad = async (query: string, field: string) => {
      const res = await arbiter.http.get<{ message: string }>(`/v1/stats/throughput?${query}`, {
        token: lead.token,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    };
    await bad('from=yesterday', 'from');
    await bad('from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z', 'from');
    await bad('grain=second', 'grain');
    await bad('pipeline=nope', 'pipeline');
    await bad('pipeline=Bad%20Key', 'pipeline');
    await bad('grain=minute&from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z', 'grain');
    await bad('colour=red', 'colour');
  });

  it('/metrics shows the backlog, decisions and time-to-decision histogram', async () => {
    const res = await arbiter.http.get<string>('/metrics');
    expect(res.body).toMatch(
      /arbiter_review_backlog\{queue="support",priority="\d+",status="claimed"\} 1/,
    );
    expect(res.body).toMatch(/arbiter_review_oldest_pending_age_seconds\{queue="support"\} \d+/);
    expect(res.body).toContain('arbiter_stats_decisions_total{route="auto",outcome="approved"} 3');
    expect(res.body).toContain('arbiter_stats_arrivals_total 11');
    expect(res.body).toMatch(/arbiter_stats_time_to_decision_seconds_count\{route="human"\} 5/);
  });

  /** Rollups wait for older writing transactions of this database to end: run until caught up. */
  async function rollUpEverything(): Promise<void> {
    await expectEventually(async () => {
      await worker(StatsRollup).execute();
      expect(await worker(RollupRepository).lag()).toEqual({ events: 0, decisions: 0 });
    });
  }

  async function expectFiguresMatchPostgres(): Promise<void> {
    const token = lead.token;
    const db = arbiter.db;
    // Backlog and SLA state, per queue.
    const open: Row[] =
      await db.query(`SELECT queue, count(*) FILTER (WHERE status = 'pending') AS waiting,
        count(*) FILTER (WHERE status = 'claimed') AS claimed, count(*) FILTER (WHERE sla_state = 'breached') AS breached,
        count(*) FILTER (WHERE sla_state = 'at_risk') AS at_risk, min(created_at) FILTER (WHERE status = 'pending') AS oldest
      FROM review_tasks WHERE status IN ('pending', 'claimed') GROUP BY queue`);
    const backlog = await stats<{ queues: Row[] }>('backlog', token);
    for (const q of open) {
      expect(backlog.queues.find((b) => b.queue === q.queue)).toMatchObject({
        waiting: num(q.waiting),
        claimed: num(q.claimed),
        breached: num(q.breached),
        atRisk: num(q.at_risk),
        oldestPendingAt: q.oldest ? (q.oldest as Date).toISOString() : null,
      });
    }
    expect(backlog.queues.filter((b) => (b.open as number) > 0)).toHaveLength(open.length);
    const closed: Row[] =
      await db.query(`SELECT queue, count(*) AS closed, count(*) FILTER (WHERE decided_at > due_at) AS late
      FROM review_tasks WHERE status IN ('decided', 'escalated', 'expired') GROUP BY queue`);
    const sla = await stats<{ queues: Row[] }>('sla', token);
    expect(closed.some((c) => num(c.late) > 0)).toBe(true);
    for (const c of closed) {
      expect(sla.queues.find((q) => q.queue === c.queue)).toMatchObject({
        closed: num(c.closed),
        closedAfterDue: num(c.late),
      });
    }
    // Throughput and time to decision by route.
    const [{ arrivals, decided }] = await db.query(`SELECT count(*) AS arrivals,
      count(*) FILTER (WHERE status IN ('approved', 'rejected', 'expired')) AS decided FROM submissions`);
    const throughput = await stats<{ totals: Row; timeToDecision: Record<string, Row> }>(
      'throughput',
      token,
    );
    expect(throughput.totals).toEqual({ arrivals: num(arrivals), decisions: num(decided) });
    const byRoute: Row[] =
      await db.query(`SELECT decision->>'decidedBy' AS route, decision->>'outcome' AS outcome, count(*) AS n
      FROM submissions WHERE status IN ('approved', 'rejected', 'expired') GROUP BY 1, 2`);
    const count = (route: string, outcome?: string) =>
      byRoute
        .filter((r) => r.route === route && (!outcome || r.outcome === outcome))
        .reduce((n, r) => n + num(r.n), 0);
    for (const route of ['auto', 'ai', 'human', 'policy'])
      expect(throughput.timeToDecision[route].count).toBe(count(route));
    expect(throughput.timeToDecision.human.p50Ms).toEqual(expect.any(Number));
    // Automation shares and AI agreement.
    const automation = await stats<Row>('automation', token);
    const routes: Row[] = await db.query(`SELECT to_status, count(*) AS n FROM submission_events
      WHERE type = 'transition' AND from_status = 'scoring' GROUP BY 1`);
    const routed = (s: string) => num(routes.find((r) => r.to_status === s)?.n ?? 0);
    expect(automation).toMatchObject({
      decided: num(decided),
      counts: {
        autoApproved: count('auto', 'approved'),
        humanDecided: count('human'),
        aiDecided: count('ai'),
      },
      routes: {
        auto_approved: { count: routed('approved') },
        human_review: { count: routed('human_review') },
      },
      humanRejectRate: Math.round((count('human', 'rejected') / count('human')) * 10_000) / 10_000,
      aiAgreement: { agree: 1, disagree: 1, unsure: 0, rate: 0.5 },
    });
    // Per reviewer: decisions, overturns.
    const people: Row[] = await db.query(`SELECT d.reviewer_id, count(*) AS decisions,
        count(*) FILTER (WHERE s.decision->>'decidedBy' = 'human' AND ((d.action IN ('approve', 'edit') AND s.decision->>'outcome' = 'rejected')
          OR (d.action = 'reject' AND s.decision->>'outcome' = 'approved'))) AS overturned
      FROM review_decisions d JOIN submissions s ON s.id = d.submission_id GROUP BY 1`);
    const reviewers = await stats<{ reviewers: Row[] }>('reviewers', token);
    expect(reviewers.reviewers).toHaveLength(people.length);
    for (const p of people) {
      expect(reviewers.reviewers.find((r) => r.reviewerId === p.reviewer_id)).toMatchObject({
        decisions: num(p.decisions),
        overturned: num(p.overturned),
      });
    }
    expect(reviewers.reviewers.find((r) => r.reviewerId === alice.userId)).toMatchObject({
      overturned: 1,
    });
    // Side by side per pipeline × policy × prompt × model.
    const versions = await stats<{ versions: Row[] }>('versions', token);
    const perPipeline: Row[] =
      await db.query(`SELECT p.key, count(*) AS n FROM submission_events e JOIN submissions s ON s.id = e.submission_id
      JOIN pipelines p ON p.id = s.pipeline_id WHERE e.type = 'transition' AND e.from_status = 'scoring' GROUP BY 1`);
    for (const p of perPipeline) {
      expect(versions.versions.find((v) => v.pipeline === p.key)).toMatchObject({
        routed: num(p.n),
        promptVersion: `${p.key}-p1`,
        model: 'openai/gpt-4o-mini',
      });
    }
    // Filtered by pipeline: only its queues and flows.
    const dual = await stats<Row>('automation?pipeline=dual', token);
    expect(dual).toMatchObject({ decided: 1, counts: { humanDecided: 1 }, humanRejectRate: 1 });
  }
});
