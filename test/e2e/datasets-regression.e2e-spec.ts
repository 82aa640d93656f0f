import { loadConfig } from '@arbiter/config';
import { RegressionTriggers } from '@arbiter/datasets';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { FakeLlmServer, ReceivedRequest, fakeLlmProviders } from '../support/fake-llm.server';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient } from '../support/reviewer.client';

interface Run {
  id: string;
  status: string;
  trigger: { kind: string; model?: string };
  model: string | null;
  promptVersion: number | null;
  items: number;
  passed: number;
  failed: number;
  errored: number;
  regressions: number;
  passRate: number | null;
  costUsd: number;
  verdict: string | null;
  previousRunId: string | null;
}
interface ItemDiff {
  itemId: string;
  status: string;
  change: string;
  verdict: string;
  candidate: string | null;
  diff: string | null;
  reason: string;
}
interface Problem {
  message?: string;
  problems?: { path: string; message: string }[];
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Golden answers per question, and what the model says in good and bad mode. */
const CASES = [
  {
    question: 'When will my refund arrive?',
    output: 'Your refund arrives within 5 business days.',
    good: 'Your refund arrives within 5 business days.',
  },
  {
    question: 'Can I change my delivery address?',
    output: 'No.',
    corrected: 'Yes, you can change the delivery address in your account settings before shipping.',
    good: 'Yes, you can change your delivery address in account settings before it ships.',
  },
  {
    question: 'Do you sell gift cards?',
    output: 'We sell gift cards for cars.',
    good: 'Yes, gift cards are sold in every store.',
  },
];
const BAD = 'Sorry, I cannot help with that.';

/**
 * Datasets from reviewers' decisions and regression runs through the provider chain against the
 * fake chat-completions server: a run that passes, one that catches a model answering worse, one
 * started by a new model version in traffic, generator faults, uploaded candidates.
 */
describe('datasets from reviewed items and regression runs', () => {
  let llm: FakeLlmServer;
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  let mode: 'good' | 'bad' | 'fault' = 'good';

  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    const providers = fakeLlmProviders(llm, { name: 'gen', model: 'fake-gen' });
    const base = loadConfig({});
    arbiter = await ArbiterHarness.start({
      config: {
        aiReview: { ...base.aiReview, providers, retries: 1, retryBaseMs: 10 },
        // Triggers run when the test says.
        datasets: {
          ...base.datasets,
          modelWatchEveryMs: 3_600_000,
          collectEveryMs: 3_600_000,
          itemConcurrency: 2,
          // Runs read two items (and two results) at a time: every run here crosses pages.
          itemPageSize: 2,
        },
      },
    });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
    await llm.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    mode = 'good';
    llm.script((req: ReceivedRequest) => {
      if (mode === 'fault') return { status: 500 };
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const known = CASES.find((c) => user.includes(c.question));
      return { content: mode === 'bad' || !known ? BAD : known.good };
    });
  });

  const admin = async () => ({ token: await arbiter.adminAccessToken() });
  const key = () => ({ token: arbiter.bootstrapKey });
  const claimNext = (reviewer: ReviewerClient) =>
    expectEventually(async () => {
      const task = await reviewer.claim();
      expect(task).not.toBeNull();
      return task!;
    }, 20_000);

  /** Three decided items (approved, edited, rejected) of the bootstrap client; returns their submission ids. */
  const reviewedItems = async (reviewer: ReviewerClient): Promise<string[]> => {
    const ids: string[] = [];
    for (const c of CASES) {
      const res = await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({
          input: { prompt: c.question, context: [{ id: 'kb', text: 'Help centre articles.' }] },
          output: { text: c.output },
        }),
        key(),
      );
      ids.push(res.body.id);
      const task = await claimNext(reviewer);
      const ack = c.corrected
        ? await reviewer.decide(task, 'edit', { editedOutput: { text: c.corrected } })
        : c === CASES[2]
          ? await reviewer.decide(task, 'reject', { reasonCodes: ['inaccurate'] })
          : await reviewer.decide(task, 'approve');
      expect(ack.ok).toBe(true);
    }
    return ids;
  };

  const setUp = async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] },
      }),
    );
    const prompt = {
      template: {
        defaultLanguage: 'en',
        variants: {
          en: [
            { role: 'system', content: 'You answer customers of the help centre.' },
            { role: 'user', content: '{{prompt}}\n\nContext:\n{{context}}' },
          ],
        },
      },
      variables: {
        type: 'object',
        properties: { prompt: { type: 'string' }, context: { type: 'string' } },
        required: ['prompt'],
      },
      model: { provider: 'gen', model: 'fake-gen', maxTokens: 100 },
      labels: ['production'],
    };
    expect(
      (await arbiter.http.put('/v1/prompts/support-reply', prompt, await admin())).status,
    ).toBe(200);
    const rita = await reviewers.connect('rita@example.com');
    const ids = await reviewedItems(rita);
    const [{ id: client }] = await arbiter.db.query(
      `SELECT client_id AS id FROM submissions WHERE id = $1`,
      [ids[0]],
    );
    return { rita, ids, client: client as string };
  };
  const createDataset = async (client: string, extra: Record<string, unknown> = {}) => {
    const res = await arbiter.http.post<{ id: string; items: number }>(
      '/v1/datasets',
      {
        pipeline: 'support',
        client,
        name: 'golden',
        prompt: 'support-reply',
        minPassRate: 0.9,
        minSimilarity: 0.5,
        ...extra,
      },
      await admin(),
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const startRun = async (datasetId: string, body: Record<string, unknown> = {}) => {
    const res = await arbiter.http.post<Run>(`/v1/datasets/${datasetId}/runs`, body, await admin());
    expect(res.status).toBe(202);
    return res.body;
  };
  /** Every page of a paged list from the first, `limit` at a time; the pages as they came. */
  const allPages = async <T>(path: string, limit: number): Promise<Page<T>[]> => {
    const pages: Page<T>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await arbiter.http.get<Page<T>>(`${path}?${query}`, await admin());
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  };
  /** What a paged list refuses a query with: the status and the body's message. */
  const refusal = async (path: string, query: string) => {
    const res = await arbiter.http.get<Problem>(`${path}?${query}`, await admin());
    return { status: res.status, message: res.body.message };
  };
  const finished = (datasetId: string, runId: string) =>
    expectEventually(async () => {
      const res = await arbiter.http.get<{ run: Run; items: ItemDiff[] }>(
        `/v1/datasets/${datasetId}/runs/${runId}`,
        await admin(),
      );
      expect(res.body.run.status).toBe('completed');
      return res.body;
    }, 30_000);

  it("builds a dataset from reviewed items (by rule and by id), refuses another client's item, and exports JSONL", async () => {
    const { ids, client } = await setUp();
    const dataset = await createDataset(client, { rules: [{ kind: 'edits', queue: 'support' }] });
    expect(dataset.items).toBe(1); // the rule took in the edit at once

    const other = await arbiter.createClient('other-service');
    const foreign = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
      token: other,
    });
    const refused = await arbiter.http.post<Problem>(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: [ids[0], foreign.body.id] },
      await admin(),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      { path: 'submissionIds[1]', message: expect.stringContaining('another client') },
    ]);
    const undecided = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody(),
      key(),
    );
    await arbiter.waitForQueuesIdle();
    const early = await arbiter.http.post<Problem>(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: [undecided.body.id] },
      await admin(),
    );
    expect(early.status).toBe(422);
    expect(early.body.problems?.[0]).toMatchObject({
      path: 'submissionIds[0]',
      message: expect.stringContaining('not decided by a person'),
    });

    const added = await arbiter.http.post<{ added: number; dataset: { items: number } }>(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: [ids[0], ids[2], ids[1]] },
      await admin(),
    );
    expect(added.body).toMatchObject({ added: 2, dataset: { items: 3 } });

    const exported = await fetch(`${arbiter.http.baseUrl}/v1/datasets/${dataset.id}/export`, {
      headers: { authorization: `Bearer ${(await admin()).token}` },
    });
    expect(exported.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const bySubmission = new Map(lines.map((l) => [l.submissionId, l]));
    expect(bySubmission.get(ids[0])).toMatchObject({
      verdict: 'approved',
      output: { text: CASES[0].output },
      correctedOutput: null,
      input: { prompt: CASES[0].question },
    });
    expect(bySubmission.get(ids[1])).toMatchObject({
      verdict: 'edited',
      output: { text: 'No.' },
      correctedOutput: { text: CASES[1].corrected },
    });
    expect(bySubmission.get(ids[2])).toMatchObject({
      verdict: 'rejected',
      reasons: ['inaccurate'],
    });

    const items = await arbiter.http.get<{ items: { id: string; submissionId: string }[] }>(
      `/v1/datasets/${dataset.id}/items`,
      await admin(),
    );
    const removed = items.body.items.find((i) => i.submissionId === ids[1])!;
    expect(
      (
        await arbiter.http.request(
          'DELETE',
          `/v1/datasets/${dataset.id}/items/${removed.id}`,
          undefined,
          await admin(),
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await arbiter.http.post<{ added: number }>(
          `/v1/datasets/${dataset.id}/collect`,
          undefined,
          await admin(),
        )
      ).body.added,
    ).toBe(0); // a removed item stays out
    expect(
      (
        await arbiter.http.get<{ items: unknown[] }>(
          `/v1/datasets/${dataset.id}/items`,
          await admin(),
        )
      ).body.items,
    ).toHaveLength(2);
  });

  it('exports a dataset longer than a page whole, in order, streamed a page at a time; an unknown dataset is a 404', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    const [{ id: client }] = await arbiter.db.query(`SELECT id FROM clients LIMIT 1`);
    const dataset = await createDataset(client as string, { prompt: undefined });
    // 2,600 items, every tenth removed: the export reads 1,000 at a time, so three pages. Items
    // come seven to a created_at (as one statement's items share theirs), microseconds apart,
    // so ties straddle the page ends and a cursor on a millisecond Date would repeat items. The
    // ids grow with n, so the expected order (created_at, then id) is n's.
    const count = 2600;
    const itemId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    await arbiter.db.query(
      `INSERT INTO dataset_items (id, dataset_id, source, verdict, input, output, reasons, created_at, removed_at)
       SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, $1, 'api', 'approved',
              jsonb_build_object('prompt', 'question ' || n), jsonb_build_object('text', 'answer ' || n),
              ARRAY['r' || n], '2026-01-01T00:00:00Z'::timestamptz + (n / 7) * interval '1 microsecond',
              CASE WHEN n % 10 = 5 THEN now() END
         FROM generate_series(1, $2::int) AS n`,
      [dataset.id, count],
    );
    const kept = Array.from({ length: count }, (_, i) => i + 1).filter((n) => n % 10 !== 5);

    const exported = await fetch(`${arbiter.http.baseUrl}/v1/datasets/${dataset.id}/export`, {
      headers: { authorization: `Bearer ${(await admin()).token}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(exported.headers.get('cache-control')).toBe('no-store');
    // Streamed: the length is not known when the first page is sent (a joined string has one).
    expect(exported.headers.get('content-length')).toBeNull();
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; input: { prompt: string }; reasons: string[] });
    expect(lines.map((l) => l.id)).toEqual(kept.map(itemId));
    expect(lines[999]).toEqual({
      id: itemId(kept[999]),
      submissionId: null,
      input: { prompt: `question ${kept[999]}` },
      variables: {},
      language: null,
      output: { text: `answer ${kept[999]}` },
      verdict: 'approved',
      correctedOutput: null,
      reasons: [`r${kept[999]}`],
    });
    // The same items, in the same order, page by page: each exactly once, the last page's
    // cursor null. 500 a page: five pages, ties straddling their ends as in the export.
    const path = `/v1/datasets/${dataset.id}/items`;
    const pages = await allPages<{ id: string }>(path, 500);
    expect(pages.map((p) => p.items.length)).toEqual([500, 500, 500, 500, 340]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(lines.map((l) => l.id));
    expect(pages.map((p) => p.nextCursor === null)).toEqual([false, false, false, false, true]);
    // No limit: the first 50.
    const first = await arbiter.http.get<Page<{ id: string }>>(path, await admin());
    expect(first.body.items.map((i) => i.id)).toEqual(lines.slice(0, 50).map((l) => l.id));
    expect(first.body.nextCursor).toEqual(expect.any(String));

    // A bad limit or cursor is a 400 naming it; another dataset's cursor is not read as a
    // position in this one.
    const other = await arbiter.http.post<{ id: string }>(
      '/v1/datasets',
      { pipeline: 'support', client: client as string, name: 'other' },
      await admin(),
    );
    await arbiter.db.query(
      `INSERT INTO dataset_items (id, dataset_id, source, verdict, input, output, reasons)
       VALUES (gen_random_uuid(), $1, 'api', 'approved', '{}', '{}', '{}'), (gen_random_uuid(), $1, 'api', 'approved', '{}', '{}', '{}')`,
      [other.body.id],
    );
    const foreign = (
      await arbiter.http.get<Page<unknown>>(
        `/v1/datasets/${other.body.id}/items?limit=1`,
        await admin(),
      )
    ).body.nextCursor;
    expect(foreign).toEqual(expect.any(String));
    const itemsOnly = "cursor must be the nextCursor of a page of this dataset's items";
    for (const [query, message] of [
      ['limit=0', 'limit must be an integer from 1 to 500'],
      ['limit=501', 'limit must be an integer from 1 to 500'],
      ['limit=ten', 'limit must be an integer from 1 to 500'],
      ['cursor=not%20a%20cursor', 'cursor must be the nextCursor of a page'],
      ['cursor=bm90LWEtY3Vyc29y', itemsOnly],
      [`cursor=${foreign}`, itemsOnly],
    ])
      expect([query, await refusal(path, query)]).toEqual([
        query,
        { status: 400, message: expect.stringContaining(message) },
      ]);

    const unknown = await fetch(
      `${arbiter.http.baseUrl}/v1/datasets/00000000-0000-4000-8000-00000000dead/export`,
      { headers: { authorization: `Bearer ${(await admin()).token}` } },
    );
    expect(unknown.status).toBe(404);
    // An error is labelled JSON, not JSON Lines ("x-ndjson" contains "json": match the start).
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    const malformed = await fetch(`${arbiter.http.baseUrl}/v1/datasets/not-a-uuid/export`, {
      headers: { authorization: `Bearer ${(await admin()).token}` },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a run that passes, then one that catches the model answering worse, with per-item differences, regressions and an alert', async () => {
    const { ids, client } = await setUp();
    const dataset = await createDataset(client);
    await arbiter.http.post(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: ids },
      await admin(),
    );

    const good = await finished(dataset.id, (await startRun(dataset.id)).id);
    expect(good.run).toMatchObject({
      items: 3,
      passed: 3,
      errored: 0,
      passRate: 1,
      verdict: 'passed',
      promptVersion: 1,
      previousRunId: null,
    });
    expect(good.run.costUsd).toBeGreaterThan(0);
    expect(llm.received.map((r) => r.body.model)).toEqual(['fake-gen', 'fake-gen', 'fake-gen']);

    mode = 'bad';
    const bad = await finished(
      dataset.id,
      (await startRun(dataset.id, { model: 'fake-gen-2025-06' })).id,
    );
    expect(bad.run).toMatchObject({
      model: 'fake-gen-2025-06',
      passed: 1,
      failed: 2,
      regressions: 2,
      verdict: 'regressed',
      previousRunId: good.run.id,
    });
    expect(llm.received.slice(3).map((r) => r.body.model)).toEqual([
      'fake-gen-2025-06',
      'fake-gen-2025-06',
      'fake-gen-2025-06',
    ]);
    const regressed = bad.items.filter((i) => i.change === 'regressed');
    expect(regressed.map((i) => i.verdict).sort()).toEqual(['approved', 'edited']);
    for (const item of regressed) {
      expect(item).toMatchObject({
        status: 'failed',
        candidate: BAD,
        reason: expect.stringContaining('below 0.5'),
      });
      // The word diff takes the reference to the candidate: keep the additions and it is the candidate.
      expect(item.diff).toContain('[-');
      expect(item.diff!.replace(/\[-[\s\S]*?-\]/g, '').replace(/\{\+|\+\}/g, '')).toBe(BAD);
    }
    expect(bad.items.find((i) => i.verdict === 'rejected')).toMatchObject({
      status: 'passed',
      change: 'same',
    });
    const alerts = await arbiter.http.get<{
      alerts: { kind: string; message: string; figures: Record<string, number> }[];
    }>('/v1/alerts', await admin());
    expect(alerts.body.alerts).toEqual([
      expect.objectContaining({
        kind: 'regression',
        message: expect.stringContaining('regressed'),
        figures: expect.objectContaining({ regressions: 2 }),
      }),
    ]);
  });

  it('a generator fault fails the item with its reason, never a pass; uploaded candidates are scored without generating', async () => {
    const { ids, client } = await setUp();
    const dataset = await createDataset(client);
    await arbiter.http.post(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: ids },
      await admin(),
    );
    mode = 'fault';
    const faulty = await finished(dataset.id, (await startRun(dataset.id)).id);
    expect(faulty.run).toMatchObject({
      items: 3,
      passed: 0,
      errored: 3,
      passRate: 0,
      verdict: 'below_target',
      costUsd: 0,
    });
    expect(
      faulty.items.every(
        (i) =>
          i.status === 'error' &&
          /generator failed: gen: (http_error|circuit breaker open)/.test(i.reason),
      ),
    ).toBe(true);

    const items = (
      await arbiter.http.get<{ items: { id: string; submissionId: string }[] }>(
        `/v1/datasets/${dataset.id}/items`,
        await admin(),
      )
    ).body.items;
    const bad = await arbiter.http.post<Problem>(
      `/v1/datasets/${dataset.id}/runs`,
      { candidates: [{ itemId: ids[0], text: 'x' }] },
      await admin(),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.problems?.[0].path).toBe('candidates[0].itemId');
    llm.script(() => ({ status: 500 }));
    const uploaded = await finished(
      dataset.id,
      (
        await startRun(dataset.id, {
          candidates: items.map((i) => ({
            itemId: i.id,
            text: CASES[ids.indexOf(i.submissionId)].good,
          })),
        })
      ).id,
    );
    expect(uploaded.run).toMatchObject({ passed: 3, passRate: 1, costUsd: 0, verdict: 'passed' });
    expect(llm.received).toHaveLength(0);
  });

  it('a run over a dataset of several pages judges every item once, and its report pages through them all', async () => {
    const { client } = await setUp();
    const dataset = await createDataset(client);
    // Eleven items, three to a created_at (one statement's items share theirs): with runs
    // reading two at a time, ties straddle the page ends.
    const count = 11;
    await arbiter.db.query(
      `INSERT INTO dataset_items (id, dataset_id, source, verdict, input, variables, output, reasons, created_at)
       SELECT gen_random_uuid(), $1, 'api', 'approved', jsonb_build_object('prompt', 'question ' || n),
              jsonb_build_object('prompt', 'question ' || n, 'context', ''),
              jsonb_build_object('text', 'The answer is number ' || n || '.'), '{}',
              '2026-01-01T00:00:00Z'::timestamptz + (n / 3) * interval '1 microsecond'
         FROM generate_series(1, $2::int) AS n`,
      [dataset.id, count],
    );
    llm.script((req: ReceivedRequest) => {
      const user = req.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const n = /question (\d+)/.exec(user)?.[1];
      return { content: n ? `The answer is number ${n}.` : BAD };
    });

    const run = await finished(dataset.id, (await startRun(dataset.id)).id);
    expect(run.run).toMatchObject({ items: count, passed: count, errored: 0, verdict: 'passed' });
    const asked = llm.received.map(
      (r) =>
        /question (\d+)/.exec(r.body.messages?.find((m) => m.role === 'user')?.content ?? '')?.[1],
    );
    expect(asked.map(Number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    );

    // The report, four items a page: every item once, by item id, the run's figures on each page.
    const reportPath = `/v1/datasets/${dataset.id}/runs/${run.run.id}`;
    const pages = await allPages<ItemDiff>(reportPath, 4);
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 3]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.itemId));
    const [{ ids: itemIds }] = await arbiter.db.query(
      `SELECT array_agg(id::text ORDER BY id) AS ids FROM dataset_items WHERE dataset_id = $1`,
      [dataset.id],
    );
    expect(ids).toEqual(itemIds);
    for (const page of pages as unknown as { run: Run }[])
      expect(page.run).toMatchObject({ items: count, passed: count });
    expect(pages.flatMap((p) => p.items).every((i) => i.status === 'passed')).toBe(true);

    // The items' cursor is not the report's, nor one run's another's.
    const itemsCursor = (
      await arbiter.http.get<Page<unknown>>(
        `/v1/datasets/${dataset.id}/items?limit=1`,
        await admin(),
      )
    ).body.nextCursor;
    const second = await finished(dataset.id, (await startRun(dataset.id)).id);
    const secondCursor = (
      await arbiter.http.get<Page<unknown>>(
        `/v1/datasets/${dataset.id}/runs/${second.run.id}?limit=1`,
        await admin(),
      )
    ).body.nextCursor;
    expect(second.run).toMatchObject({ items: count, passed: count, previousRunId: run.run.id });
    expect(second.items.every((i) => i.change === 'same')).toBe(true);
    const runItemsOnly = "cursor must be the nextCursor of a page of this run's items";
    for (const [query, message] of [
      ['limit=0', 'limit must be an integer from 1 to 500'],
      [`cursor=${itemsCursor}`, runItemsOnly],
      [`cursor=${secondCursor}`, runItemsOnly],
    ])
      expect([query, await refusal(reportPath, query)]).toEqual([
        query,
        { status: 400, message: expect.stringContaining(message) },
      ]);
  });

  it('starts a run when a model version is first seen in traffic, and daily for scheduled datasets', async () => {
    const { ids, client } = await setUp();
    const dataset = await createDataset(client, { schedule: 'daily' });
    await arbiter.http.post(
      `/v1/datasets/${dataset.id}/items`,
      { submissionIds: ids },
      await admin(),
    );
    const triggers = arbiter.worker!.get(RegressionTriggers);
    expect(await triggers.modelWatch()).toEqual([]); // the pipeline's first model is its baseline
    await arbiter.http.post(
      '/v1/submissions',
      submissionBody({ model: { provider: 'openai', name: 'fake-gen', version: '2025-06-01' } }),
      key(),
    );
    const [runId] = await triggers.modelWatch();
    expect(runId).toBeDefined();
    expect(await triggers.modelWatch()).toEqual([]); // seen once
    const triggered = await finished(dataset.id, runId);
    expect(triggered.run).toMatchObject({
      trigger: { kind: 'model_change', model: 'fake-gen:2025-06-01' },
      model: 'fake-gen',
      verdict: 'passed',
    });

    const [daily] = await triggers.daily();
    expect((await finished(dataset.id, daily)).run).toMatchObject({
      trigger: { kind: 'schedule' },
      previousRunId: runId,
    });
  });
});
