import { DASHBOARD_EVENTS } from '@arbiter/contracts';
import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { HttpResult } from '../support/http.client';
import { supportPrompt } from '../support/prompt-fixtures';

const PASSWORD = 'workspace-pass-1';

/** Everything one workspace is made of, as the test set it up. */
interface Side {
  key: string;
  pipeline: string;
  queue: string;
  prompt: string;
  clientId: string;
  keyId: string;
  apiKey: string;
  submissionId: string;
  taskId: string;
  datasetId: string;
  people: Record<'reviewer' | 'lead' | 'admin', { id: string; email: string; token: string }>;
}

/**
 * Two workspaces side by side, each with its pipeline, queue, prompt, client and key, reviewer,
 * lead and admin: nothing of one is visible or actionable from the other, through lists, gets by
 * id, stats, exports, the audit log or the live feeds; another workspace's target answers as one
 * that does not exist. Plus the header, memberships and the names shared across workspaces.
 */
describe('workspaces: two side by side, nothing visible across', () => {
  let arbiter: ArbiterHarness;
  let platform: string;
  const sides: Record<'acme' | 'globex', Side> = {} as never;
  const sockets: Socket[] = [];

  const as = (token: string, workspace?: string) => ({
    token,
    ...(workspace ? { headers: { 'x-arbiter-workspace': workspace } } : {}),
  });

  async function login(email: string): Promise<string> {
    const res = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: PASSWORD,
    });
    expect([email, res.status]).toEqual([email, 200]);
    return res.body.accessToken;
  }

  /** Sets one workspace up the way its own admins would, through the API. */
  async function setUp(key: 'acme' | 'globex'): Promise<Side> {
    const ws = as(platform, key);
    const pipeline = `${key}-support`;
    const queue = `${key}-desk`;
    const prompt = `${key}-answer`;
    const created = await arbiter.http.post(
      '/v1/workspaces',
      { key, name: key.toUpperCase() },
      {
        token: platform,
      },
    );
    expect(created.status).toBe(201);
    const people = {} as Side['people'];
    for (const role of ['reviewer', 'lead', 'admin'] as const) {
      const email = `${role}@${key}.local`;
      const user = await arbiter.http.post<{ id: string; role: string }>(
        '/v1/users',
        { email, password: PASSWORD, role, queues: [queue] },
        ws,
      );
      expect([email, user.status, user.body.role]).toEqual([email, 201, role]);
      people[role] = { id: user.body.id, email, token: await login(email) };
    }
    // From here on, the workspace's own admin does the rest: no header needed (their only workspace).
    const admin = as(people.admin.token);
    const put = await arbiter.http.put(
      `/v1/pipelines/${pipeline}?activate=true`,
      { pipeline, ...policy({ ...ALWAYS_HUMAN, review: { queue, priority: 5, sla: '30m' } }) },
      admin,
    );
    expect([put.status, put.body]).toEqual([200, expect.anything()]);
    expect(
      (
        await arbiter.http.put(
          `/v1/prompts/${prompt}`,
          supportPrompt({ labels: ['production'] }),
          admin,
        )
      ).status,
    ).toBe(200);
    const client = await arbiter.http.post<{ id: string }>(
      '/v1/clients',
      { name: `${key}-bot` },
      admin,
    );
    expect(client.status).toBe(201);
    const issued = await arbiter.http.post<{ id: string; key: string }>(
      '/v1/api-keys',
      { clientId: client.body.id, name: 'prod' },
      admin,
    );
    expect(issued.status).toBe(201);
    const submitted = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline, externalId: `${key}-1` }),
      { token: issued.body.key },
    );
    expect(submitted.status).toBe(202);
    const taskId = await expectEventually(
      async () => {
        const rows = await arbiter.db.query(
          `SELECT id FROM review_tasks WHERE submission_id = $1`,
          [submitted.body.id],
        );
        expect(rows).toHaveLength(1);
        return rows[0].id as string;
      },
      20_000,
      100,
    );
    const dataset = await arbiter.http.post<{ id: string }>(
      '/v1/datasets',
      { pipeline, client: client.body.id, name: `${key}-golden` },
      as(people.lead.token),
    );
    expect([dataset.status, dataset.body]).toEqual([201, expect.anything()]);
    return {
      key,
      pipeline,
      queue,
      prompt,
      clientId: client.body.id,
      keyId: issued.body.id,
      apiKey: issued.body.key,
      submissionId: submitted.body.id,
      taskId,
      datasetId: dataset.body.id,
      people,
    };
  }

  /** Everything that names one side: none of it may appear in an answer to the other. */
  const marks = (s: Side): string[] => [
    s.pipeline,
    s.queue,
    s.prompt,
    s.clientId,
    s.keyId,
    s.submissionId,
    s.taskId,
    s.datasetId,
    `${s.key}-bot`,
    `${s.key}-1`,
    ...Object.values(s.people).flatMap((p) => [p.id, p.email]),
  ];
  const leaks = (res: HttpResult, other: Side): string[] => {
    const text = JSON.stringify(res.body ?? '');
    return marks(other).filter((m) => text.includes(m));
  };

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
    platform = await arbiter.adminAccessToken();
    sides.acme = await setUp('acme');
    sides.globex = await setUp('globex');
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await arbiter?.stop();
  });

  const pairs = () =>
    [
      [sides.acme, sides.globex],
      [sides.globex, sides.acme],
    ] as const;

  it('lists: every list a member reads holds their workspace only', async () => {
    const found: string[] = [];
    for (const [mine, theirs] of pairs()) {
      const lists: ['reviewer' | 'lead' | 'admin', string][] = [
        ['admin', '/v1/users'],
        ['admin', '/v1/queues'],
        ['admin', '/v1/clients'],
        ['admin', '/v1/api-keys'],
        ['admin', '/v1/audit?limit=200'],
        ['admin', '/v1/audit/export'],
        ['admin', '/v1/audit/pending'],
        ['admin', '/v1/admin/dead-letters'],
        ['lead', '/v1/prompts'],
        ['lead', '/v1/datasets'],
        ['lead', '/v1/alerts'],
        ['lead', '/v1/review/queues'],
        ['reviewer', '/v1/review/queues'],
      ];
      for (const [role, path] of lists) {
        const res = await arbiter.http.get(path, as(mine.people[role].token));
        if (res.status !== 200) found.push(`${mine.key} ${role} ${path}: ${res.status}`);
        for (const leak of leaks(res, theirs)) found.push(`${mine.key} ${role} ${path}: ${leak}`);
      }
      // And they do hold the workspace's own things.
      const users = await arbiter.http.get<{ email: string }[]>(
        '/v1/users',
        as(mine.people.admin.token),
      );
      expect(users.body.map((u) => u.email).sort()).toEqual(
        Object.values(mine.people)
          .map((p) => p.email)
          .sort(),
      );
      const queues = await arbiter.http.get<{ queue: string }[]>(
        '/v1/review/queues',
        as(mine.people.lead.token),
      );
      expect(queues.body.map((q) => q.queue)).toEqual([mine.queue]);
    }
    expect(found).toEqual([]);
  });

  it('gets by id or key: another workspace’s target is the same 404 as one that does not exist', async () => {
    const wrong: string[] = [];
    for (const [mine, theirs] of pairs()) {
      const admin = as(mine.people.admin.token);
      const lead = as(mine.people.lead.token);
      const reviewer = as(mine.people.reviewer.token);
      const unknown = randomUUID();
      const cases: [{ token: string }, string, string, (s: Side) => string, unknown?][] = [
        [admin, 'GET', '/v1/pipelines/:x', (s) => s.pipeline],
        [admin, 'POST', '/v1/pipelines/:x/activate', (s) => s.pipeline, { version: 1 }],
        [admin, 'POST', '/v1/pipelines/:x/split', (s) => s.pipeline, { version: 1, percent: 0 }],
        [lead, 'GET', '/v1/pipelines/:x/oversight', (s) => s.pipeline],
        [lead, 'GET', '/v1/pipelines/:x/recalibration', (s) => s.pipeline],
        [
          lead,
          'PUT',
          '/v1/pipelines/:x/breaker',
          (s) => s.pipeline,
          { state: 'open', reason: 'workspaces e2e' },
        ],
        [lead, 'GET', '/v1/pipelines/:x/shadow', (s) => s.pipeline],
        [lead, 'GET', '/v1/prompts/:x', (s) => s.prompt],
        [lead, 'GET', '/v1/prompts/:x/history', (s) => s.prompt],
        [admin, 'PUT', '/v1/prompts/:x/labels/staging', (s) => s.prompt, { version: 1 }],
        [lead, 'GET', '/v1/datasets/:x', (s) => s.datasetId],
        [lead, 'GET', '/v1/datasets/:x/items', (s) => s.datasetId],
        [lead, 'GET', '/v1/datasets/:x/export', (s) => s.datasetId],
        [lead, 'GET', '/v1/datasets/:x/runs', (s) => s.datasetId],
        [lead, 'GET', '/v1/review/queues/:x/tasks', (s) => s.queue],
        [lead, 'GET', '/v1/review/tasks/:x', (s) => s.taskId],
        [reviewer, 'GET', '/v1/review/tasks/:x', (s) => s.taskId],
        [
          reviewer,
          'POST',
          '/v1/review/tasks/:x/decide',
          (s) => s.taskId,
          { leaseToken: randomUUID(), action: 'approve' },
        ],
        [admin, 'PUT', '/v1/clients/:x/quota', (s) => s.clientId, { requestsPerSecond: 5 }],
        [admin, 'DELETE', '/v1/api-keys/:x', (s) => s.keyId],
        [admin, 'PATCH', '/v1/users/:x', (s) => s.people.reviewer.id, { role: 'lead' }],
        [admin, 'POST', '/v1/users/:x/disable', (s) => s.people.reviewer.id, {}],
      ];
      for (const [who, method, template, target, body] of cases) {
        const name = `${method} ${template}`;
        const isKey = !/^[0-9a-f-]{36}$/.test(target(theirs));
        const none = isKey ? `${mine.key}-nothing-here` : unknown;
        const theirsRes = await arbiter.http.request(
          method,
          template.replace(':x', target(theirs)),
          body,
          who,
        );
        const noneRes = await arbiter.http.request(method, template.replace(':x', none), body, who);
        const scrub = (r: HttpResult, id: string) =>
          JSON.stringify(r.body ?? '').replaceAll(id, 'X');
        if (
          theirsRes.status !== 404 ||
          noneRes.status !== 404 ||
          scrub(theirsRes, target(theirs)) !== scrub(noneRes, none)
        )
          wrong.push(
            `${mine.key} ${name}: theirs ${theirsRes.status} ${scrub(theirsRes, target(theirs))} / none ${noneRes.status} ${scrub(noneRes, none)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // Nothing of the other workspace changed: its reviewer is still a reviewer, its key works.
    const [row] = await arbiter.db.query(`SELECT role FROM workspace_members WHERE user_id = $1`, [
      sides.globex.people.reviewer.id,
    ]);
    expect(row.role).toBe('reviewer');
    expect(
      (
        await arbiter.http.get(`/v1/submissions/${sides.globex.submissionId}`, {
          token: sides.globex.apiKey,
        })
      ).status,
    ).toBe(200);
  });

  it('API keys reach their own workspace only: submissions, pipelines and prompts of the other are unknown', async () => {
    for (const [mine, theirs] of pairs()) {
      const key = { token: mine.apiKey };
      expect((await arbiter.http.get(`/v1/submissions/${theirs.submissionId}`, key)).status).toBe(
        404,
      );
      const foreign = await arbiter.http.post(
        '/v1/submissions',
        submissionBody({ pipeline: theirs.pipeline }),
        key,
      );
      const unknown = await arbiter.http.post(
        '/v1/submissions',
        submissionBody({ pipeline: 'no-such-pipeline' }),
        key,
      );
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body).replaceAll(theirs.pipeline, 'X')).toBe(
        JSON.stringify(unknown.body).replaceAll('no-such-pipeline', 'X'),
      );
      const variables = { customer: 'Aisyah', question: 'Where is my refund?' };
      expect(
        (await arbiter.http.post(`/v1/prompts/${theirs.prompt}/resolve`, { variables }, key))
          .status,
      ).toBe(404);
      expect(
        (await arbiter.http.post(`/v1/prompts/${mine.prompt}/resolve`, { variables }, key)).status,
      ).toBe(200);
    }
  });

  it('stats and exports count their own workspace only', async () => {
    // One decision in each workspace, by its own reviewer.
    for (const side of Object.values(sides)) {
      const reviewer = as(side.people.reviewer.token);
      const claimed = await arbiter.http.post<{
        task: { task: { id: string; leaseToken: string } };
      }>('/v1/review/claim', {}, reviewer);
      expect(claimed.body.task.task.id).toBe(side.taskId);
      const decided = await arbiter.http.post(
        `/v1/review/tasks/${side.taskId}/decide`,
        { leaseToken: claimed.body.task.task.leaseToken, action: 'approve' },
        reviewer,
      );
      expect(decided.status).toBe(200);
    }
    const found: string[] = [];
    for (const [mine, theirs] of pairs()) {
      const lead = as(mine.people.lead.token);
      const reads = [
        '/v1/stats/backlog',
        '/v1/stats/sla',
        '/v1/stats/forecast',
        '/v1/stats/throughput',
        '/v1/stats/automation',
        '/v1/stats/reviewers?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z',
        '/v1/stats/versions',
        `/v1/stats/backlog?queue=${theirs.queue}`,
        '/v1/stats/export?format=json&kind=decisions',
        '/v1/stats/export?format=csv&kind=decisions',
        '/v1/stats/export?format=json&kind=reviewers',
      ];
      for (const path of reads) {
        const res = await arbiter.http.get(path, lead);
        if (res.status !== 200) found.push(`${mine.key} ${path}: ${res.status}`);
        for (const leak of leaks(res, theirs)) found.push(`${mine.key} ${path}: ${leak}`);
      }
      // The other workspace's pipeline is no pipeline here: the same refusal as an unknown one.
      const foreign = await arbiter.http.get(
        `/v1/stats/versions?pipeline=${theirs.pipeline}`,
        lead,
      );
      expect(foreign.status).toBe(400);
      // And the export does hold this workspace's decision.
      const own = await expectEventually(
        async () => {
          const res = await arbiter.http.get<{ submissionId: string }[]>(
            '/v1/stats/export?format=json&kind=decisions',
            lead,
          );
          expect(res.body.map((r) => r.submissionId)).toEqual([mine.submissionId]);
          return res;
        },
        10_000,
        200,
      );
      expect(own.status).toBe(200);
      const backlog = await arbiter.http.get<{ queues: { queue: string }[] }>(
        '/v1/stats/backlog',
        lead,
      );
      expect(backlog.body.queues.map((q) => q.queue)).toEqual([mine.queue]);
    }
    expect(found).toEqual([]);
  });

  it('the audit log: each workspace’s admins read the entries of their workspace only', async () => {
    for (const [mine, theirs] of pairs()) {
      const res = await arbiter.http.get<{ entries: { target: { id: string } }[] }>(
        '/v1/audit?limit=200',
        as(mine.people.admin.token),
      );
      const targets = res.body.entries.map((e) => e.target.id);
      expect(targets).toContain(mine.pipeline);
      expect(targets).not.toContain(theirs.pipeline);
    }
    // A platform admin naming no workspace reads them all.
    const all = await arbiter.http.get<{ entries: { target: { id: string } }[] }>(
      '/v1/audit?limit=200',
      { token: platform },
    );
    const targets = all.body.entries.map((e) => e.target.id);
    expect(targets).toEqual(expect.arrayContaining([sides.acme.pipeline, sides.globex.pipeline]));
  });

  it('the audit log’s calls in flight: each workspace’s admins see theirs only, listed and exported', async () => {
    // Both clients' rows held: each admin's quota call is announced, then waits inside its route.
    const holder = arbiter.db.createQueryRunner();
    await holder.connect();
    const answers: Promise<HttpResult>[] = [];
    type Pending = { pending: { target: { id: string | null } }[] };
    const targetsFor = async (token: string) => {
      const res = await arbiter.http.get<Pending>('/v1/audit/pending', { token });
      expect(res.status).toBe(200);
      return res.body.pending.map((p) => p.target.id);
    };
    /** The targets of the pending lines of an export with the calls in flight (raw JSON Lines). */
    const exportedFor = async (token: string) => {
      const res = await fetch(`${arbiter.http.baseUrl}/v1/audit/export?includePending=true`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const lines = (await res.text())
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { status: string; target: { id: string | null } });
      return lines.filter((l) => l.status === 'pending').map((l) => l.target.id);
    };
    try {
      await holder.startTransaction();
      await holder.query(`SELECT id FROM clients WHERE id = ANY($1) FOR UPDATE`, [
        [sides.acme.clientId, sides.globex.clientId],
      ]);
      for (const side of [sides.acme, sides.globex])
        answers.push(
          arbiter.http.put(
            `/v1/clients/${side.clientId}/quota`,
            { requestsPerSecond: 5 },
            as(side.people.admin.token),
          ),
        );
      // A platform admin naming no workspace sees both.
      await expectEventually(async () =>
        expect((await targetsFor(platform)).sort()).toEqual(
          [sides.acme.clientId, sides.globex.clientId].sort(),
        ),
      );
      expect((await exportedFor(platform)).sort()).toEqual(
        [sides.acme.clientId, sides.globex.clientId].sort(),
      );
      // A workspace's admin sees their own call, not the other workspace's.
      for (const [mine] of pairs()) {
        expect(await targetsFor(mine.people.admin.token)).toEqual([mine.clientId]);
        expect(await exportedFor(mine.people.admin.token)).toEqual([mine.clientId]);
      }
      await holder.commitTransaction();
      expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200]);
      expect(await targetsFor(platform)).toEqual([]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await Promise.all(answers);
    }
  });

  it('the live feeds: the dashboard and the review desk show their own workspace only', async () => {
    const connect = (namespace: string, auth: Record<string, string>) => {
      const socket = io(`${arbiter.http.baseUrl}${namespace}`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      return socket;
    };
    const outcome = (socket: Socket) =>
      new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message.split(':')[0]));
      });
    for (const [mine, theirs] of pairs()) {
      const dashboard = connect('/dashboard', { token: mine.people.lead.token });
      const snapshot = new Promise<{ queues: { queue: string }[] }>((resolve) =>
        dashboard.once(DASHBOARD_EVENTS.snapshot, resolve),
      );
      expect(await outcome(dashboard)).toBe('connected');
      expect((await snapshot).queues.map((q) => q.queue)).toEqual([mine.queue]);
      const deltas: unknown[] = [];
      dashboard.on(DASHBOARD_EVENTS.delta, (delta: unknown) => deltas.push(delta));

      const desk = connect('/review', { token: mine.people.reviewer.token });
      expect(await outcome(desk)).toBe('connected');
      const queues = (await desk.timeout(5_000).emitWithAck('queues', {})) as {
        queues: { queue: string }[];
      };
      expect(queues.queues.map((q) => q.queue)).toEqual([mine.queue]);
      // Whatever it gets is of its own queue (the other workspace's waiting task is never its to take).
      const claim = (await desk.timeout(5_000).emitWithAck('claim', {})) as {
        ok: boolean;
        task: { task: { id: string; queue: string; leaseToken: string } } | null;
      };
      expect(claim.ok).toBe(true);
      if (claim.task) {
        expect(claim.task.task.queue).toBe(mine.queue);
        await desk.timeout(5_000).emitWithAck('release', {
          taskId: claim.task.task.id,
          leaseToken: claim.task.task.leaseToken,
        });
      }

      // A workspace the person is not a member of: refused as unknown, whether it exists or not.
      for (const workspace of [theirs.key, 'no-such-workspace']) {
        const refused = connect('/dashboard', { token: mine.people.lead.token, workspace });
        expect(await outcome(refused)).toBe('not-found');
      }
      // Work arriving in the other workspace moves nothing on this dashboard.
      await new Promise((r) => setTimeout(r, 1_500));
      deltas.length = 0;
      const submitted = await arbiter.http.post(
        '/v1/submissions',
        submissionBody({ pipeline: theirs.pipeline }),
        { token: theirs.apiKey },
      );
      expect(submitted.status).toBe(202);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(
        deltas.flatMap((d) => leaks({ status: 200, body: d, headers: new Headers() }, theirs)),
      ).toEqual([]);
      dashboard.close();
      desk.close();
    }
    // A platform admin's dashboard (no workspace named) shows every workspace's queues.
    const everything = connect('/dashboard', { token: platform });
    const snapshot = new Promise<{ queues: { queue: string }[] }>((resolve) =>
      everything.once(DASHBOARD_EVENTS.snapshot, resolve),
    );
    expect(await outcome(everything)).toBe('connected');
    expect((await snapshot).queues.map((q) => q.queue)).toEqual(
      expect.arrayContaining([sides.acme.queue, sides.globex.queue]),
    );
  }, 30_000);

  it('the workspace header: a person in two workspaces acts in one per request', async () => {
    // The acme reviewer is made a lead of globex by globex's admin.
    const both = sides.acme.people.reviewer;
    const granted = await arbiter.http.put<{ role: string }>(
      `/v1/workspaces/globex/members/${both.id}`,
      { role: 'lead' },
      as(sides.globex.people.admin.token),
    );
    expect([granted.status, granted.body.role]).toEqual([200, 'lead']);
    const mine = await arbiter.http.get<{ workspaces: { key: string; role: string }[] }>(
      '/v1/workspaces/mine',
      as(both.token),
    );
    expect(mine.body.workspaces).toEqual([
      { key: 'acme', name: 'ACME', role: 'reviewer' },
      { key: 'globex', name: 'GLOBEX', role: 'lead' },
    ]);
    // No header: their first workspace (acme), as a reviewer there.
    expect((await arbiter.http.get('/v1/stats/backlog', as(both.token))).status).toBe(403);
    // globex named: a lead there, who sees globex's queue and nothing of acme's.
    const backlog = await arbiter.http.get<{ queues: { queue: string }[] }>(
      '/v1/stats/backlog',
      as(both.token, 'globex'),
    );
    expect(backlog.body.queues.map((q) => q.queue)).toEqual([sides.globex.queue]);
    expect(
      (await arbiter.http.get(`/v1/review/tasks/${sides.acme.taskId}`, as(both.token, 'globex')))
        .status,
    ).toBe(404);
    // A workspace they are not in, or none of that key: the same 404.
    const other = await arbiter.http.get('/v1/review/queues', as(both.token, 'default'));
    const none = await arbiter.http.get('/v1/review/queues', as(both.token, 'nope'));
    expect([other.status, none.status]).toEqual([404, 404]);
    expect(JSON.stringify(other.body).replace('default', 'X')).toBe(
      JSON.stringify(none.body).replace('nope', 'X'),
    );
    // Taken out of globex again: the header stops working at once on this replica.
    expect(
      (
        await arbiter.http.delete(
          `/v1/workspaces/globex/members/${both.id}`,
          as(sides.globex.people.admin.token),
        )
      ).status,
    ).toBe(204);
    expect((await arbiter.http.get('/v1/review/queues', as(both.token, 'globex'))).status).toBe(
      404,
    );
  });

  it('membership routes: a workspace’s admin manages theirs only; leads may not', async () => {
    const acmeAdmin = as(sides.acme.people.admin.token);
    const target = sides.globex.people.reviewer.id;
    // Another workspace: 404, as for one that does not exist.
    expect(
      (
        await arbiter.http.put(
          `/v1/workspaces/globex/members/${target}`,
          { role: 'admin' },
          acmeAdmin,
        )
      ).status,
    ).toBe(404);
    expect(
      (await arbiter.http.delete(`/v1/workspaces/globex/members/${target}`, acmeAdmin)).status,
    ).toBe(404);
    // Their own workspace, as a lead: 403.
    expect(
      (
        await arbiter.http.put(
          `/v1/workspaces/acme/members/${target}`,
          { role: 'reviewer' },
          as(sides.acme.people.lead.token),
        )
      ).status,
    ).toBe(403);
    // A workspace's admin cannot touch a platform admin, nor list or create workspaces.
    const [{ id: platformId }] = await arbiter.db.query(
      `SELECT id FROM users WHERE role = 'admin'`,
    );
    expect(
      (
        await arbiter.http.put(
          `/v1/workspaces/acme/members/${platformId}`,
          { role: 'reviewer' },
          acmeAdmin,
        )
      ).status,
    ).toBe(403);
    expect((await arbiter.http.get('/v1/workspaces', acmeAdmin)).status).toBe(403);
    expect(
      (await arbiter.http.post('/v1/workspaces', { key: 'mine', name: 'Mine' }, acmeAdmin)).status,
    ).toBe(403);
    // A person of no workspace: signed in, refused everywhere but their own list.
    const loner = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email: 'loner@acme.local', password: PASSWORD, role: 'reviewer' },
      acmeAdmin,
    );
    const token = await login('loner@acme.local');
    expect(
      (await arbiter.http.delete(`/v1/workspaces/acme/members/${loner.body.id}`, acmeAdmin)).status,
    ).toBe(204);
    expect((await arbiter.http.get('/v1/review/queues', as(token))).status).toBe(403);
    const mine = await arbiter.http.get('/v1/workspaces/mine', as(token));
    expect([mine.status, mine.body]).toEqual([200, { platformAdmin: false, workspaces: [] }]);
    // The platform admin lists them all, and every membership change is audited.
    const list = await arbiter.http.get<{ key: string }[]>('/v1/workspaces', { token: platform });
    expect(list.body.map((w) => w.key)).toEqual(['acme', 'default', 'globex']);
    const audit = await arbiter.http.get<{ entries: { action: string }[] }>(
      '/v1/audit?action=workspace.',
      { token: platform },
    );
    expect(audit.body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'workspace.create',
        'workspace.member-set',
        'workspace.member-remove',
      ]),
    );
  });

  it('names are shared across workspaces, data is not: a taken pipeline key or queue name is refused', async () => {
    const acmeAdmin = as(sides.acme.people.admin.token);
    const taken = await arbiter.http.put(
      `/v1/pipelines/${sides.globex.pipeline}`,
      { pipeline: sides.globex.pipeline, ...policy() },
      acmeAdmin,
    );
    expect(taken.status).toBe(409);
    const queue = await arbiter.http.put(
      '/v1/pipelines/acme-other',
      {
        pipeline: 'acme-other',
        ...policy({ review: { queue: sides.globex.queue, priority: 5, sla: '30m' } }),
      },
      acmeAdmin,
    );
    expect([queue.status, JSON.stringify(queue.body)]).toEqual([
      400,
      expect.stringContaining('is taken'),
    ]);
    expect(
      (await arbiter.http.put(`/v1/prompts/${sides.globex.prompt}`, supportPrompt(), acmeAdmin))
        .status,
    ).toBe(409);
    // Nothing was stored in globex's pipeline.
    const view = await arbiter.http.get<{ versions: unknown[] }>(
      `/v1/pipelines/${sides.globex.pipeline}`,
      as(sides.globex.people.admin.token),
    );
    expect(view.body.versions).toHaveLength(1);
  });
});
