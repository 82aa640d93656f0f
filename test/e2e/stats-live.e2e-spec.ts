import { DASHBOARD_EVENTS } from '@arbiter/contracts';
import { expectEventually } from '@arbiter/testing';
import { io, Socket } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { ReviewerClient } from '../support/reviewer.client';

interface QueueView {
  queue: string;
  open: number;
  waiting: number;
}

describe('lead stats live: /dashboard feed and streamed export', () => {
  let arbiter: ArbiterHarness;
  const clients: ReviewerClient[] = [];
  const sockets: Socket[] = [];
  beforeAll(async () => {
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
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', sla: '30m', priority: 5 } }),
    );
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    clients.forEach((c) => c.close());
    await arbiter.stop();
  });

  const person = async (email: string, queues: string[], role = 'reviewer') => {
    const client = await ReviewerClient.create(arbiter, email, queues, role);
    clients.push(client);
    return client;
  };
  const dashboard = (token: string) => {
    const socket = io(`${arbiter.http.baseUrl}/dashboard`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };
  const submit = async () =>
    (
      await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ pipeline: 'support' }),
        { token: arbiter.bootstrapKey },
      )
    ).body.id;

  it('pushes a snapshot on connect, then a change within 2 s; refuses reviewers', async () => {
    await submit();
    await expectEventually(async () =>
      expect(await arbiter.db.query(`SELECT id FROM review_tasks`)).toHaveLength(1),
    );
    const lead = await person('lead@test.local', ['support'], 'lead');
    const socket = dashboard(lead.token);
    const received: { event: string; at: number; payload: { queues: QueueView[] } }[] = [];
    socket.onAny((event: string, payload: { queues: QueueView[] }) =>
      received.push({ event, at: Date.now(), payload }),
    );
    await expectEventually(() => expect(received[0]?.event).toBe(DASHBOARD_EVENTS.snapshot));
    expect(received[0].payload.queues.find((q) => q.queue === 'support')).toMatchObject({
      open: 1,
      waiting: 1,
    });

    await submit();
    const created = await expectEventually(
      async () => {
        const rows: { created_at: Date }[] = await arbiter.db.query(
          `SELECT created_at FROM review_tasks ORDER BY created_at DESC`,
        );
        expect(rows).toHaveLength(2);
        return Date.now();
      },
      10_000,
      5,
    );
    const delta = await expectEventually(() => {
      const hit = received.find(
        (r) =>
          r.event === DASHBOARD_EVENTS.delta &&
          r.payload.queues.some((q) => q.queue === 'support' && q.open === 2),
      );
      expect(hit).toBeDefined();
      return hit!;
    }, 5_000);
    expect(delta.at - created).toBeLessThanOrEqual(2000);

    const reviewer = await person('rev@test.local', ['support']);
    const refused = dashboard(reviewer.token);
    const error = await new Promise<Error>((resolve) => refused.once('connect_error', resolve));
    expect(error.message).toMatch(/forbidden/);
    const anonymous = dashboard('not-a-token');
    expect(
      (await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve))).message,
    ).toMatch(/unauthorized/);
  });

  it('streams a large export page by page: rows committed while it streams still arrive', async () => {
    const lead = await person('lead2@test.local', ['support'], 'lead');
    const reviewer = await person('rev2@test.local', ['support']);
    const many = 30_000;
    await seedDecisions(reviewer.userId, many, "now() - interval '10 minutes'");
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const response = await fetch(
      `${arbiter.http.baseUrl}/v1/stats/export?from=${from}&to=${to}&format=csv`,
      {
        headers: { authorization: `Bearer ${lead.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const reader = response.body!.getReader();
    const first = await reader.read();
    // Committed after the first bytes went out, later in the range than every seeded row: a
    // buffered export would have been complete before its first byte and could not include them.
    await seedDecisions(reviewer.userId, 5, "now() + interval '5 minutes'");
    let text = new TextDecoder().decode(first.value);
    let chunks = 1;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      text += new TextDecoder().decode(next.value);
      chunks++;
    }
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^seq,decidedAt,submissionId/);
    expect(lines).toHaveLength(1 + many + 5);
    expect(chunks).toBeGreaterThan(10);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(many + 5);

    const json = await arbiter.http.get<unknown[]>(
      `/v1/stats/export?from=${from}&to=${to}&format=json`,
      { token: lead.token },
    );
    expect(json.body).toHaveLength(many + 5);
    const bad = await arbiter.http.get<{ message: string }>(`/v1/stats/export?format=xml`, {
      token: lead.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('format');
  });

  /** Decided tasks with one decision each, written straight to Postgres (the export reads the record). */
  async function seedDecisions(reviewerId: string, n: number, at: string): Promise<void> {
    await arbiter.db.query(
      `
      WITH src AS (SELECT client_id, pipeline_id, policy_version_id, input, output, model FROM submissions LIMIT 1),
      s AS (
        INSERT INTO submissions (id, client_id, pipeline_id, policy_version_id, status, request_hash, input, output, model, decision)
        SELECT gen_random_uuid(), client_id, pipeline_id, policy_version_id, 'approved', 'seed', input, output, model,
               '{"outcome": "approved", "decidedBy": "human"}'::jsonb
          FROM src, generate_series(1, $1) RETURNING id),
      t AS (
        INSERT INTO review_tasks (id, submission_id, queue, status, priority, due_at, created_at, decided_at)
        SELECT gen_random_uuid(), id, 'support', 'decided', 5, now() + interval '1 hour', ${at}, ${at} FROM s RETURNING id, submission_id)
      INSERT INTO review_decisions (id, task_id, submission_id, reviewer_id, action, handling_ms, created_at)
      SELECT gen_random_uuid(), t.id, t.submission_id, $2, 'approve', 1000, ${at} FROM t`,
      [n, reviewerId],
    );
  }
});
