import { hashApiKey } from '@arbiter/auth';
import { reviewQueueName } from '@arbiter/queue';
import { RetentionSweep } from '@arbiter/retention';
import { StatsRollup } from '@arbiter/stats';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient } from '../support/reviewer.client';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

type Row = Record<string, unknown>;
const RETENTION = { retention: { raw: '30d' } };
const REVIEW = { queue: 'support', sla: '30m', reasonCodes: ['wrong'] };

describe('retention and erasure of raw text', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({
      // The sweep and the rollups are driven by the test, not by their schedules.
      config: {
        webhooks: testWebhookConfig(),
        retention: { everyMs: 3_600_000, batch: 500 },
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
    reviewers.closeAll();
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    receiver.reset();
  });

  /** A submission whose every piece of text carries `tag`, so any copy left anywhere is found. */
  const submit = async (
    pipeline: string,
    tag: string,
    extra: Row = {},
    key = arbiter.bootstrapKey,
  ): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({
        pipeline,
        input: {
          prompt: `${tag} prompt: what is the capital of France?`,
          context: [{ id: 'd1', text: `${tag} context: Paris is the capital of France.` }],
        },
        output: { text: `${tag} output: the capital of France is Paris.` },
        metadata: { customer: `${tag} customer` },
        callbackUrl: receiver.url(`/hooks/${tag}-callback`),
        ...extra,
      }),
      { token: key },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const statusOf = (id: string, status: string) =>
    expectEventually(async () => {
      const [row] = await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [id]);
      expect(row.status).toBe(status);
    });
  const openTask = (id: string) =>
    expectEventually(async () => {
      const rows = await arbiter.db.query(
        `SELECT id FROM review_tasks WHERE submission_id = $1 AND status = 'pending'`,
        [id],
      );
      expect(rows).toHaveLength(1);
    });
  const claim = (reviewer: ReviewerClient, submissionId: string) =>
    expectEventually(async () => {
      const task = await reviewer.claim();
      expect(task?.submission.id).toBe(submissionId);
      return task!;
    });
  const deliveredAll = () =>
    expectEventually(async () => {
      const pending = await arbiter.db.query(
        `SELECT id FROM delivery_events WHERE status = 'pending'`,
      );
      expect(pending).toEqual([]);
    });
  /** Every row of every table (or of those named), as text: where a copy of erased text would show. */
  const everyTable = async (only?: string[]): Promise<string> => {
    const tables: { tablename: string }[] = await arbiter.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND ($1::text[] IS NULL OR tablename = ANY($1)) ORDER BY tablename`,
      [only ?? null],
    );
    const dumps = await Promise.all(
      tables.map(async ({ tablename }) => {
        const [row] = await arbiter.db.query(
          `SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') AS dump FROM "${tablename}" t`,
        );
        return `${tablename}: ${row.dump as string}`;
      }),
    );
    return dumps.join('\n');
  };
  /** What erasure must leave alone: status, times, confidence, scores, the decision without its text. */
  const kept = (ids: string[]) =>
    arbiter.db.query(
      `SELECT id, status, confidence, created_at, decided_at, decision->'outcome' AS outcome, decision->'decidedBy' AS "decidedBy",
              decision->'reasons' AS reasons, decision->'flags' AS flags, decision->'reviewers' AS reviewers,
              (SELECT jsonb_agg(jsonb_build_object('name', g->'name', 'score', g->'score', 'contribution', g->'contribution'))
                 FROM jsonb_array_elements(scoring->'signals') g) AS signals,
              (SELECT jsonb_agg(jsonb_build_object('type', g->'type', 'passed', g->'passed')) FROM jsonb_array_elements(scoring->'gates') g) AS gates,
              (SELECT jsonb_agg(jsonb_build_object('action', d.action, 'reasonCodes', d.reason_codes, 'handlingMs', d.handling_ms) ORDER BY d.seq)
                 FROM review_decisions d WHERE d.submission_id = s.id) AS "reviewDecisions",
              (SELECT jsonb_agg(jsonb_build_object('type', e.type, 'status', e.status, 'attempts', e.attempts) ORDER BY e.seq)
                 FROM delivery_events e WHERE e.submission_id = s.id) AS outbox
         FROM submissions s WHERE id = ANY($1) ORDER BY id`,
      [ids],
    );
  const figures = async () => {
    const token = await arbiter.adminAccessToken();
    const read = async (path: string) => {
      const res = await arbiter.http.get<Row>(`/v1/stats/${path}`, { token });
      expect(res.status).toBe(200);
      const { range: _range, ...rest } = res.body;
      return rest;
    };
    return { automation: await read('automation'), throughput: await read('throughput') };
  };
  const erasedEvents = (): Promise<Row[]> =>
    arbiter.db.query(
      `SELECT submission_id AS "submissionId", actor, data FROM submission_events WHERE type = 'erased' ORDER BY submission_id`,
    );

  it('a pipeline with retention: final items past it are erased in every table, decisions and stats unchanged, the rest untouched; the sweep is idempotent', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...RETENTION, qa: { sampleAutoApproved: 1 }, review: REVIEW }),
    );
    await arbiter.putPolicy('desk', policy({ ...RETENTION, ...ALWAYS_HUMAN, review: REVIEW }));
    await arbiter.putPolicy('keep', policy());
    const alice = await reviewers.connect('alice@test.local', ['support']);

    // Auto-approved, delivered, then audited and overturned with a correction.
    const approved = await submit('support', 'ERASE-ME-approved', { externalId: 'order-1' });
    await statusOf(approved, 'approved');
    const audit = await claim(alice, approved);
    expect(
      await alice.decide(audit, 'edit', {
        editedOutput: { text: 'ERASE-ME-audit-fix' },
        reasonCodes: ['wrong'],
        comment: 'ERASE-ME-audit-comment',
      }),
    ).toMatchObject({ ok: true, verdict: 'overturned' });
    // Human-reviewed: edited, with a comment.
    const edited = await submit('desk', 'ERASE-ME-edited');
    await openTask(edited);
    const task = await claim(alice, edited);
    expect(
      await alice.decide(task, 'edit', {
        editedOutput: { text: 'ERASE-ME-edit: Paris.' },
        reasonCodes: ['wrong'],
        comment: 'ERASE-ME-comment',
      }),
    ).toMatchObject({ ok: true, outcome: 'approved' });
    // Not erased: one still waiting for people, a recent final one, one of a pipeline without retention.
    const pending = await submit('desk', 'KEEP-pending');
    const recent = await submit('support', 'KEEP-recent');
    const noRetention = await submit('keep', 'KEEP-no-retention');
    await Promise.all([
      openTask(pending),
      statusOf(recent, 'approved'),
      statusOf(noRetention, 'approved'),
    ]);
    await deliveredAll();
    expect(
      receiver.received.map((r) => r.path).filter((path) => path.includes('ERASE-ME')).length,
    ).toBe(3);

    // 31 days pass for everything but `recent`.
    await arbiter.db.query(
      `UPDATE submissions SET created_at = created_at - interval '31 days', decided_at = decided_at - interval '31 days',
              updated_at = updated_at - interval '31 days' WHERE id <> $1`,
      [recent],
    );
    const everything = [approved, edited, pending, recent, noRetention];
    await expectEventually(async () => {
      await arbiter.worker!.get(StatsRollup).execute();
      expect((await figures()).throughput).toMatchObject({ totals: { arrivals: 5, decisions: 4 } });
    });
    const before = { rows: await kept(everything), figures: await figures() };
    expect((await everyTable()).match(/ERASE-ME/g)?.length).toBeGreaterThan(20);

    const sweep = arbiter.worker!.get(RetentionSweep);
    expect(await sweep.execute()).toEqual({ support: 1, desk: 1 });

    // Nowhere in any table is there a copy of the erased text left (nor its callback URL).
    const dump = await everyTable();
    expect(dump.match(/.{0,80}ERASE-ME.{0,80}/g) ?? []).toEqual([]);
    for (const tag of ['KEEP-pending', 'KEEP-recent', 'KEEP-no-retention']) {
      expect(dump).toContain(`${tag} output`);
      expect(dump).toContain(`${tag} prompt`);
      expect(dump).toContain(`${tag}-callback`);
    }
    const marker = { erased: 'retention' };
    const erased: Row[] = await arbiter.db.query(
      `SELECT id, input, output, metadata, callback_url AS "callbackUrl", erased_at AS "erasedAt",
              decision->'finalOutput' AS "finalOutput", decision->'originalOutput' AS "originalOutput"
         FROM submissions WHERE id = ANY($1) ORDER BY id`,
      [[approved, edited]],
    );
    for (const row of erased) {
      expect(row).toMatchObject({
        input: marker,
        output: marker,
        metadata: marker,
        callbackUrl: null,
        finalOutput: marker,
        erasedAt: expect.any(Date),
      });
    }
    expect(erased.find((r) => r.id === edited)?.originalOutput).toEqual(marker);
    const [decision] = await arbiter.db.query(
      `SELECT comment, edited_output AS "editedOutput", diff FROM review_decisions WHERE submission_id = $1`,
      [edited],
    );
    expect(decision).toEqual({ comment: null, editedOutput: marker, diff: marker });
    const [correction] = await arbiter.db.query(
      `SELECT overturned, reason_codes AS "reasonCodes", corrected_output AS "correctedOutput" FROM qa_audits WHERE submission_id = $1`,
      [approved],
    );
    expect(correction).toEqual({
      overturned: true,
      reasonCodes: ['wrong'],
      correctedOutput: marker,
    });
    const bodies: { type: string; body: string }[] = await arbiter.db.query(
      `SELECT type, body FROM delivery_events WHERE submission_id = $1 ORDER BY seq`,
      [approved],
    );
    expect(bodies.map((b) => b.type)).toEqual(['submission.approved', 'audit.failed']);
    expect(JSON.parse(bodies[0].body).data.decision).toMatchObject({
      outcome: 'approved',
      decidedBy: 'auto',
      finalOutput: marker,
    });
    expect(JSON.parse(bodies[1].body).data.audit).toMatchObject({
      verdict: 'overturned',
      reasonCodes: ['wrong'],
      comment: null,
      correctedOutput: marker,
    });

    // Decisions, routes, scores, confidences, reason codes, timings and stats are as they were.
    expect(await kept(everything)).toEqual(before.rows);
    await arbiter.worker!.get(StatsRollup).execute();
    expect(await figures()).toEqual(before.figures);
    expect(await erasedEvents()).toEqual(
      [approved, edited].sort().map((submissionId) => ({
        submissionId,
        actor: 'retention',
        data: expect.objectContaining({ reason: 'retention' }),
      })),
    );
    // Idempotent: a second sweep finds nothing and changes nothing.
    const textTables = [
      'submissions',
      'submission_events',
      'review_decisions',
      'qa_audits',
      'delivery_events',
      'delivery_attempts',
      'review_tasks',
    ];
    const settled = await everyTable(textTables);
    expect(await sweep.execute()).toEqual({ support: 0, desk: 0 });
    expect(await everyTable(textTables)).toEqual(settled);

    // The pending item is still there to be reviewed, with its text.
    const reviewed = await claim(alice, pending);
    expect(JSON.stringify(reviewed.submission)).toContain('KEEP-pending output');
  });

  it("erasure on request by externalId: every item of that client at once, a pending one expired and its task withdrawn, another client's untouched, the events recorded", async () => {
    await arbiter.putPolicy('support', policy());
    await arbiter.putPolicy('desk', policy({ ...ALWAYS_HUMAN, review: REVIEW }));
    const otherKey = await arbiter.createClient('other');
    const key = { token: arbiter.bootstrapKey };

    const approved = await submit('support', 'ERASE-REQ-approved', { externalId: 'subject-1' });
    // Claimed first: the most urgent task is the oldest.
    const claimed = await submit('desk', 'ERASE-REQ-claimed', { externalId: 'subject-1' });
    await openTask(claimed);
    const pending = await submit('desk', 'ERASE-REQ-pending', { externalId: 'subject-1' });
    const otherSubject = await submit('support', 'KEEP-subject-2', { externalId: 'subject-2' });
    const otherClient = await submit(
      'desk',
      'KEEP-other-client',
      { externalId: 'subject-1' },
      otherKey,
    );
    await Promise.all([
      statusOf(approved, 'approved'),
      statusOf(otherSubject, 'approved'),
      openTask(pending),
      openTask(claimed),
      openTask(otherClient),
    ]);
    await deliveredAll();
    // A reviewer holds one of them: the claim is revoked by the erasure.
    const alice = await reviewers.connect('alice@test.local', ['support']);
    const held = await expectEventually(async () => {
      const task = await alice.claim();
      expect(task?.submission.id).toBe(claimed);
      return task!;
    });
    const revoked = new Promise<unknown>((resolve) => alice.socket.once('task.revoked', resolve));
    const beforeOther = await kept([otherSubject, otherClient]);

    const res = await arbiter.http.delete('/v1/submissions?externalId=subject-1', key);
    expect(res).toMatchObject({ status: 200, body: { erased: 3 } });

    const dump = await everyTable();
    expect(dump.match(/.{0,80}ERASE-REQ.{0,80}/g) ?? []).toEqual([]);
    for (const tag of ['KEEP-subject-2', 'KEEP-other-client']) {
      expect(dump).toContain(`${tag} output`);
      expect(dump).toContain(`${tag}-callback`);
    }
    expect(await kept([otherSubject, otherClient])).toEqual(beforeOther);
    const rows: Row[] = await arbiter.db.query(
      `SELECT id, status, input, output, metadata, callback_url AS "callbackUrl", decision->'outcome' AS outcome, decision->'flags' AS flags,
              decision->'reasons'->0->>'code' AS reason, decided_at IS NOT NULL AS decided
         FROM submissions WHERE id = ANY($1)`,
      [[approved, pending, claimed]],
    );
    const marker = { erased: 'request' };
    for (const row of rows)
      expect(row).toMatchObject({
        input: marker,
        output: marker,
        metadata: marker,
        callbackUrl: null,
        decided: true,
      });
    expect(rows.find((r) => r.id === approved)).toMatchObject({
      status: 'approved',
      outcome: 'approved',
    });
    for (const id of [pending, claimed]) {
      expect(rows.find((r) => r.id === id)).toMatchObject({
        status: 'expired',
        outcome: 'rejected',
        flags: ['erased'],
        reason: 'erasure.requested',
      });
    }
    // Nobody reviews erased text: the tasks are closed, out of the review queue, and the holder was told.
    // (By submission: score jobs running at once create their tasks in any order.)
    const tasks: Row[] = await arbiter.db.query(
      `SELECT submission_id AS "submissionId", status FROM review_tasks WHERE submission_id = ANY($1)`,
      [[pending, claimed, otherClient]],
    );
    expect(Object.fromEntries(tasks.map((t) => [t.submissionId, t.status]))).toEqual({
      [claimed]: 'expired',
      [pending]: 'expired',
      [otherClient]: 'pending',
    });
    expect(tasks).toHaveLength(3);
    await expect(revoked).resolves.toMatchObject({ taskId: held.task.id, reason: 'erased' });
    const reviewQueue = arbiter.producer.queue(reviewQueueName('support'));
    await expectEventually(async () =>
      expect(await reviewQueue.getJobCountByTypes('prioritized', 'waiting', 'active')).toBe(1),
    );
    expect(await alice.decide(held, 'approve')).toMatchObject({ ok: false });

    // Audited: an `erased` event per submission naming the API key; the client's timeline shows it.
    const [{ keyId }] = await arbiter.db.query(
      `SELECT id AS "keyId" FROM api_keys WHERE key_hash = $1`,
      [hashApiKey(arbiter.bootstrapKey)],
    );
    const events = await erasedEvents();
    expect(events.map((e: Row) => e.submissionId).sort()).toEqual(
      [approved, pending, claimed].sort(),
    );
    for (const event of events)
      expect(event).toMatchObject({ actor: `api-key:${keyId}`, data: { reason: 'request' } });
    const view = await arbiter.http.get<{
      status: string;
      timeline: { type: string; actor: string }[];
    }>(`/v1/submissions/${pending}`, key);
    expect(view.body.status).toBe('expired');
    expect(view.body.timeline.slice(-2).map((t) => [t.type, t.actor])).toEqual([
      ['transition', `api-key:${keyId}`],
      ['erased', `api-key:${keyId}`],
    ]);

    // Again: nothing left to erase is a 200 with 0, as is an external id never seen.
    expect(await arbiter.http.delete('/v1/submissions?externalId=subject-1', key)).toMatchObject({
      status: 200,
      body: { erased: 0 },
    });
    expect(await arbiter.http.delete('/v1/submissions?externalId=nobody', key)).toMatchObject({
      status: 200,
      body: { erased: 0 },
    });
    expect(await erasedEvents()).toHaveLength(3);
    // The other client erases its own item, and only that.
    expect(
      await arbiter.http.delete('/v1/submissions?externalId=subject-1', { token: otherKey }),
    ).toMatchObject({ status: 200, body: { erased: 1 } });
    expect(
      await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [otherSubject]),
    ).toEqual([{ status: 'approved' }]);
  });

  it("a capped short answer: erasure drops the words its score.capped reason quotes, from the decision, the timeline and the outbox body, and keeps the reason's code", async () => {
    // Approved at once (threshold 0) by the short-answer path, capped by its swapped figures.
    await arbiter.putPolicy(
      'support',
      policy({ signals: undefined, scoring: { shortAnswers: true } }),
    );
    const key = { token: arbiter.bootstrapKey };
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({
        input: {
          prompt: 'How much are a check-up and scaling?',
          context: [{ id: 'fees', text: 'A dental check-up costs RM80 and scaling costs RM120.' }],
        },
        output: { text: 'A check-up is RM120 and scaling is RM80.' },
        externalId: 'capped-1',
        callbackUrl: receiver.url('/hooks/capped'),
      }),
      key,
    );
    expect(res.status).toBe(202);
    const id = res.body.id;
    await statusOf(id, 'approved');
    await deliveredAll();
    const reasonsOf = async () =>
      (
        await arbiter.db.query(`SELECT decision->'reasons' AS r FROM submissions WHERE id = $1`, [
          id,
        ])
      )[0].r;
    expect(await reasonsOf()).toEqual([
      expect.objectContaining({ code: 'confidence.high' }),
      {
        code: 'score.capped',
        message: `The model's confidence is capped at 0.03 because the answer contradicts its context: swapped ("120", "80").`,
      },
    ]);
    // The decision, the routed event and the outbox body quote the figures; the cues too.
    const quoted = /contradicts its context|caps this short answer/g;
    expect(((await everyTable()).match(quoted) ?? []).length).toBeGreaterThanOrEqual(4);

    const erase = await arbiter.http.delete('/v1/submissions?externalId=capped-1', key);
    expect(erase).toMatchObject({ status: 200, body: { erased: 1 } });

    expect(
      (await everyTable()).match(
        /.{0,80}(contradicts its context|caps this short answer).{0,80}/g,
      ) ?? [],
    ).toEqual([]);
    const erased = { code: 'score.capped', message: 'erased:request' };
    expect(await reasonsOf()).toEqual([
      expect.objectContaining({ code: 'confidence.high' }),
      erased,
    ]);
    const view = await arbiter.http.get<{ timeline: { data: Row | null }[] }>(
      `/v1/submissions/${id}`,
      key,
    );
    expect(view.body.timeline.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ reasons: [expect.anything(), erased] }),
    );
  });

  it("erasure on request reaches a dataset's copy of the item: its input, variables, output and edit are erased and it leaves the dataset", async () => {
    await arbiter.putPolicy('desk', policy({ ...ALWAYS_HUMAN, review: REVIEW }));
    const alice = await reviewers.connect('alice@test.local', ['support']);
    const edited = await submit('desk', 'ERASE-DS-edited', { externalId: 'subject-ds' });
    const kept = await submit('desk', 'KEEP-DS-other', { externalId: 'subject-other' });
    await Promise.all([openTask(edited), openTask(kept)]);
    for (const id of [edited, kept]) {
      const task = await claim(alice, id);
      expect(
        await alice.decide(task, 'edit', {
          editedOutput: { text: `${id === edited ? 'ERASE-DS' : 'KEEP-DS'}-fix: Paris.` },
          reasonCodes: ['wrong'],
        }),
      ).toMatchObject({ ok: true, outcome: 'approved' });
    }
    const [{ client }] = await arbiter.db.query(
      `SELECT client_id AS client FROM submissions WHERE id = $1`,
      [edited],
    );
    const admin = { token: await arbiter.adminAccessToken() };
    const dataset = await arbiter.http.post<{ id: string }>(
      '/v1/datasets',
      { pipeline: 'desk', client, name: 'golden' },
      admin,
    );
    expect(dataset.status).toBe(201);
    const added = await arbiter.http.post<{ added: number }>(
      `/v1/datasets/${dataset.body.id}/items`,
      { submissionIds: [edited, kept] },
      admin,
    );
    expect(added).toMatchObject({ status: 200, body: { added: 2 } });
    expect((await everyTable(['dataset_items'])).match(/ERASE-DS/g)?.length).toBeGreaterThan(3);

    const erase = await arbiter.http.delete('/v1/submissions?externalId=subject-ds', {
      token: arbiter.bootstrapKey,
    });
    expect(erase).toMatchObject({ status: 200, body: { erased: 1 } });

    expect((await everyTable()).match(/.{0,80}ERASE-DS.{0,80}/g) ?? []).toEqual([]);
    const marker = { erased: 'request' };
    const items: Row[] = await arbiter.db.query(
      `SELECT submission_id AS "submissionId", input, variables, output, corrected_output AS "correctedOutput",
              removed_at IS NOT NULL AS removed
         FROM dataset_items WHERE dataset_id = $1 ORDER BY submission_id = $2 DESC`,
      [dataset.body.id, edited],
    );
    expect(items[0]).toEqual({
      submissionId: edited,
      input: marker,
      variables: marker,
      output: marker,
      correctedOutput: marker,
      removed: true,
    });
    // The other subject's item is untouched and stays in the dataset.
    expect(items[1]).toMatchObject({ submissionId: kept, removed: false });
    expect(JSON.stringify(items[1])).toContain('KEEP-DS-fix');
    const page = await arbiter.http.get<{ items: { submissionId: string }[] }>(
      `/v1/datasets/${dataset.body.id}/items`,
      admin,
    );
    expect(page.body.items.map((i) => i.submissionId)).toEqual([kept]);
  });

  it.each([
    ['missing', ''],
    ['empty', '?externalId='],
    ['over 200 characters', `?externalId=${'x'.repeat(201)}`],
    ['repeated', '?externalId=a&externalId=b'],
  ])('refuses an externalId that is %s with a 400 naming the field', async (_name, query) => {
    const res = await arbiter.http.delete<{ problems: { path: string }[] }>(
      `/v1/submissions${query}`,
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p) => p.path)).toContain('externalId');
  });

  it('refuses a caller without an API key', async () => {
    expect((await arbiter.http.delete('/v1/submissions?externalId=subject-1')).status).toBe(401);
  });
});
