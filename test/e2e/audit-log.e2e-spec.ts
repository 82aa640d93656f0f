import { randomUUID } from 'node:crypto';
import { expectEventually, TEST_ADMIN } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { routeCatalog } from '../support/route-catalog';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

type Entry = Record<string, unknown> & {
  actorId: string | null;
  action: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request: { params?: unknown; query?: unknown; body?: Record<string, unknown> } | null;
  reason: string | null;
};

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** POST routes of admins and leads that change nothing, so write no entry (checked below). */
const READ_ONLY = ['POST /v1/pipelines/:key/check'];
const human = policy({ ...ALWAYS_HUMAN, review: { queue: 'desk', sla: '30m' } });

/**
 * The audit log: every administrative or lead route of the running app, called once each with
 * success, appends exactly one entry with its actor and the target's state before and after;
 * the table refuses to be rewritten; admins read it by actor, action and time, and export it.
 */
describe('audit log', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  let admin: { token: string };
  let adminId: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
    admin = { token: await arbiter.adminAccessToken() };
    [{ id: adminId }] = await arbiter.db.query(`SELECT id FROM users WHERE email = $1`, [
      TEST_ADMIN.email,
    ]);
  }, 60_000);

  afterAll(async () => {
    await arbiter?.stop();
    await receiver?.stop();
  });

  it('writes exactly one entry, with the actor and the diff, for every admin or lead route that changes something', async () => {
    const covered = new Map<string, Entry>();
    /** Calls `route` (its `:params` filled in order) as the admin; it must succeed and leave one entry. */
    async function act<T = Record<string, unknown>>(
      route: string,
      params: string[],
      body?: unknown,
      query = '',
    ): Promise<{ body: T; entry: Entry }> {
      const [method, template] = route.split(' ');
      let i = 0;
      const path = template.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++]));
      const mark = await arbiter.auditMark();
      const res = await arbiter.http.request<T>(method, `${path}${query}`, body, admin);
      expect([route, res.status < 300, res.body]).toEqual([route, true, res.body]);
      const entries = (await arbiter.auditEntriesSince(mark)) as Entry[];
      expect([route, entries.length]).toEqual([route, 1]);
      const [entry] = entries;
      expect([route, entry.actorId, entry.actorRole, entry.status]).toEqual([
        route,
        adminId,
        'admin',
        'done',
      ]);
      expect([route, entry.before !== null || entry.after !== null]).toEqual([route, true]);
      covered.set(route, entry);
      return { body: res.body, entry };
    }
    const key = { token: arbiter.bootstrapKey };

    // Pipelines: a new one (nothing before), versions, activation, rollback, split.
    const created = await act(
      'PUT /v1/pipelines/:key',
      ['desk'],
      { pipeline: 'desk', ...human },
      '?activate=true',
    );
    expect(created.entry).toMatchObject({ action: 'pipeline.put', targetId: 'desk', before: null });
    expect(created.entry.after).toMatchObject({ key: 'desk', activeVersion: 1 });
    await act(
      'PUT /v1/pipelines/:key',
      ['desk'],
      { pipeline: 'desk', ...human, review: { queue: 'desk', sla: '20m' } },
      '?activate=true',
    );
    const activated = await act('POST /v1/pipelines/:key/activate', ['desk'], { version: 1 });
    expect(activated.entry.before).toMatchObject({ activeVersion: 2 });
    expect(activated.entry.after).toMatchObject({ activeVersion: 1 });
    await act('POST /v1/pipelines/:key/rollback', ['desk'], {});
    await act('POST /v1/pipelines/:key/split', ['desk'], { version: 1, percent: 0 });
    const forced = await act('PUT /v1/pipelines/:key/breaker', ['desk'], {
      state: 'open',
      reason: 'audit e2e',
    });
    expect(forced.entry).toMatchObject({ action: 'breaker.force', reason: 'audit e2e' });
    await act('PUT /v1/pipelines/:key/breaker', ['desk'], { state: 'auto', reason: 'audit e2e' });
    await act('POST /v1/pipelines/:key/recalibration/apply', ['desk'], {
      autoApprove: 1,
      reason: 'audit e2e',
    });
    const refit = await act('POST /v1/pipelines/:key/recalibration/refit/apply', ['desk'], {
      a: -1.2,
      b: 0.1,
      reason: 'audit e2e',
    });
    expect(refit.entry).toMatchObject({ action: 'pipeline.refit', reason: 'audit e2e' });

    // People: the password asked with never reaches the log.
    const rita = await act<{ id: string }>('POST /v1/users', [], {
      email: 'rita@audit.local',
      password: 'rita-password-1',
      role: 'reviewer',
      queues: ['desk'],
    });
    expect(rita.entry).toMatchObject({
      action: 'user.create',
      targetId: rita.body.id,
      before: null,
    });
    expect(rita.entry.request?.body).toMatchObject({ password: '[redacted]' });
    expect(JSON.stringify(rita.entry)).not.toContain('rita-password-1');
    const patched = await act('PATCH /v1/users/:id', [rita.body.id], { skills: ['th'] });
    expect([patched.entry.before?.skills, patched.entry.after?.skills]).toEqual([[], ['th']]);
    await act('POST /v1/users/:id/disable', [rita.body.id], {});
    await act('POST /v1/users/:id/enable', [rita.body.id], {});

    // Clients and keys: the new key is shown to the admin once, never stored in the log.
    const client = await act<{ id: string }>('POST /v1/clients', [], { name: 'claims-bot' });
    const quota = await act('PUT /v1/clients/:id/quota', [client.body.id], {
      requestsPerSecond: 7,
    });
    expect([quota.entry.before?.requestsPerSecond, quota.entry.after?.requestsPerSecond]).toEqual([
      null,
      7,
    ]);
    const issued = await act<{ id: string; key: string }>('POST /v1/api-keys', [], {
      clientId: client.body.id,
      name: 'prod',
    });
    expect(JSON.stringify(issued.entry)).not.toContain(issued.body.key);
    const revoked = await act('DELETE /v1/api-keys/:id', [issued.body.id]);
    expect([revoked.entry.before?.revokedAt, typeof revoked.entry.after?.revokedAt]).toEqual([
      null,
      'string',
    ]);

    // Prompts: a version, a label moved, a split.
    const greeting = {
      template: {
        defaultLanguage: 'en',
        variants: { en: [{ role: 'user', content: 'Hello {{name}}' }] },
      },
      variables: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      labels: ['production'],
    };
    await act('PUT /v1/prompts/:key', ['greeting'], greeting);
    const label = await act('PUT /v1/prompts/:key/labels/:label', ['greeting', 'staging'], {
      version: 1,
    });
    expect([label.entry.before?.labels, label.entry.after?.labels]).toEqual([
      { production: 1 },
      { production: 1, staging: 1 },
    ]);
    await act('PUT /v1/prompts/:key/split', ['greeting'], {
      a: 'production',
      b: 'staging',
      percent: 10,
    });

    // Datasets: from an item a person decided.
    const submitted = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline: 'desk' }),
      key,
    );
    expect(submitted.status).toBe(202);
    const ritaLogin = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email: 'rita@audit.local',
      password: 'rita-password-1',
    });
    const reviewer = { token: ritaLogin.body.accessToken };
    const task = await expectEventually(
      async () => {
        const res = await arbiter.http.post<{
          task: { task: { id: string; leaseToken: string } } | null;
        }>('/v1/review/claim', {}, reviewer);
        expect(res.body.task).not.toBeNull();
        return res.body.task!.task;
      },
      20_000,
      100,
    );
    const decided = await arbiter.http.post(
      `/v1/review/tasks/${task.id}/decide`,
      { leaseToken: task.leaseToken, action: 'approve' },
      reviewer,
    );
    expect(decided.status).toBe(200);
    const [{ clientId }] = await arbiter.db.query(
      `SELECT client_id AS "clientId" FROM submissions WHERE id = $1`,
      [submitted.body.id],
    );
    const dataset = await act<{ id: string }>('POST /v1/datasets', [], {
      pipeline: 'desk',
      client: clientId,
      name: 'golden',
      prompt: 'greeting',
    });
    const items = { submissionIds: [submitted.body.id] };
    const added = await act('POST /v1/datasets/:id/items', [dataset.body.id], items);
    expect([added.entry.before?.items, added.entry.after?.items]).toEqual([0, 1]);
    await act('POST /v1/datasets/:id/collect', [dataset.body.id], {});
    const listed = await arbiter.http.get<{ items: { id: string }[] }>(
      `/v1/datasets/${dataset.body.id}/items`,
      admin,
    );
    await act('DELETE /v1/datasets/:id/items/:itemId', [dataset.body.id, listed.body.items[0].id]);
    await act('POST /v1/datasets/:id/items', [dataset.body.id], items);
    const again = await arbiter.http.get<{ items: { id: string }[] }>(
      `/v1/datasets/${dataset.body.id}/items`,
      admin,
    );
    await act('POST /v1/datasets/:id/runs', [dataset.body.id], {
      candidates: [{ itemId: again.body.items[0].id, text: 'Hello Ana' }],
    });

    // A shadow version started and stopped.
    const candidate = await act<{ version: number }>(
      'PUT /v1/pipelines/:key',
      ['desk'],
      { pipeline: 'desk', ...human, thresholds: { autoApprove: 0.99, aiReview: 0.5 } },
      '?activate=false',
    );
    const shadow = await act('PUT /v1/pipelines/:key/shadow', ['desk'], {
      version: candidate.body.version,
    });
    expect([shadow.entry.before, shadow.entry.after?.shadowVersion]).toEqual([
      null,
      candidate.body.version,
    ]);
    const stopped = await act('DELETE /v1/pipelines/:key/shadow', ['desk']);
    expect([stopped.entry.before?.shadowVersion, stopped.entry.after]).toEqual([
      candidate.body.version,
      null,
    ]);

    // Dead letters: a receiver that keeps failing, then the admin's replays.
    await act(
      'PUT /v1/pipelines/:key',
      ['auto'],
      { pipeline: 'auto', ...policy() },
      '?activate=true',
    );
    receiver.respond = ({ path }) => ({ status: path === '/gone' ? 503 : 204 });
    const doomed = submissionBody({ pipeline: 'auto', callbackUrl: receiver.url('/gone') });
    expect((await arbiter.http.post('/v1/submissions', doomed, key)).status).toBe(202);
    const deadLetter = await expectEventually(
      async () => {
        const res = await arbiter.http.get<{ id: string }[]>('/v1/admin/dead-letters', admin);
        expect(res.body.length).toBe(1);
        return res.body[0].id;
      },
      30_000,
      100,
    );
    await act('POST /v1/admin/dead-letters/:id/replay', [deadLetter], {});
    await act('POST /v1/admin/dead-letters/replay', [], {});

    // Workspaces: one created, a person given a role in it and taken out of it again.
    const workspace = await act<{ id: string }>('POST /v1/workspaces', [], {
      key: 'claims',
      name: 'Claims team',
    });
    expect(workspace.entry).toMatchObject({ action: 'workspace.create', before: null });
    expect(workspace.entry.after).toMatchObject({ key: 'claims', members: 0 });
    const member = await act('PUT /v1/workspaces/:key/members/:userId', ['claims', rita.body.id], {
      role: 'lead',
    });
    expect(member.entry).toMatchObject({ targetId: `claims/${rita.body.id}`, before: null });
    expect(member.entry.after).toMatchObject({ workspace: 'claims', role: 'lead' });
    const removed = await act('DELETE /v1/workspaces/:key/members/:userId', [
      'claims',
      rita.body.id,
    ]);
    expect([removed.entry.before?.role, removed.entry.after]).toEqual(['lead', null]);
    // Made in the workspace, the entry is the workspace's (its admins read it); the platform's creation of it is not.
    const [row] = await arbiter.db.query(
      `SELECT w.key FROM audit_entries a JOIN workspaces w ON w.id = a.workspace_id WHERE a.id = $1`,
      [member.entry.id],
    );
    expect(row?.key).toBe('claims');
    const [platformEntry] = await arbiter.db.query(
      `SELECT workspace_id FROM audit_entries WHERE id = $1`,
      [workspace.entry.id],
    );
    expect(platformEntry.workspace_id).toBeNull();

    // Checking a policy stores nothing, and writes nothing to the log either.
    const mark = await arbiter.auditMark();
    const checked = await arbiter.http.post(
      '/v1/pipelines/desk/check',
      { pipeline: 'desk', ...human },
      admin,
    );
    expect(checked.status).toBe(200);
    expect(await arbiter.auditEntriesSince(mark)).toEqual([]);

    const adminRoutes = routeCatalog(arbiter.api)
      .routes.filter(
        (r) =>
          MUTATING.includes(r.method) &&
          !READ_ONLY.includes(`${r.method} ${r.path}`) &&
          r.roles.some((role) => role === 'admin' || role === 'lead'),
      )
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(adminRoutes.length).toBeGreaterThan(20);
    expect([...covered.keys()].sort()).toEqual(adminRoutes);
  }, 120_000);

  it('writes nothing for a refused or failed call', async () => {
    const mark = await arbiter.auditMark();
    expect(
      (await arbiter.http.post('/v1/pipelines/nothing-here/activate', { version: 1 }, admin))
        .status,
    ).toBe(404);
    expect((await arbiter.http.post('/v1/users/not-a-uuid/disable', {}, admin)).status).toBe(400);
    expect((await arbiter.http.post('/v1/users', { email: 'x' }, admin)).status).toBe(400);
    // Local logins are on here: a person without a password could never sign in.
    const noPassword = await arbiter.http.post(
      '/v1/users',
      { email: 'no-password@example.com', role: 'reviewer' },
      admin,
    );
    expect([noPassword.status, noPassword.body]).toEqual([
      400,
      expect.objectContaining({ code: 'auth.password_setting' }),
    ]);
    expect(await arbiter.auditEntriesSince(mark)).toEqual([]);
    // Nor is anything left announced for the reconciler to record later.
    expect(await arbiter.db.query(`SELECT id FROM audit_intents`)).toEqual([]);
  });

  it('records what a submitting service changes of its own (webhook, secrets, erasures), the client as actor, secrets redacted', async () => {
    const key = { token: arbiter.bootstrapKey };
    const one = async (method: string, path: string, body?: unknown) => {
      const mark = await arbiter.auditMark();
      const res = await arbiter.http.request<Record<string, unknown>>(method, path, body, key);
      expect([path, res.status]).toEqual([path, 200]);
      const entries = (await arbiter.auditEntriesSince(mark)) as Entry[];
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorRole: 'client', actorId: expect.any(String) });
      return { res, entry: entries[0] };
    };
    const updated = await one('PUT', '/v1/webhook', { url: receiver.url('/hooks') });
    expect(updated.entry).toMatchObject({
      action: 'webhook.update',
      targetId: updated.entry.actorId,
    });
    expect(updated.entry.after).toMatchObject({ url: receiver.url('/hooks') });
    const rotated = await one('POST', '/v1/webhook/secrets/rotate', { overlapSeconds: 60 });
    const secrets = (rotated.res.body.secrets as { secret: string }[]).map((s) => s.secret);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(JSON.stringify(rotated.entry)).not.toContain(secret);
    expect(rotated.entry.after).toMatchObject({
      secrets: expect.arrayContaining([expect.objectContaining({ secret: '[redacted]' })]),
    });
    const erased = await one('DELETE', '/v1/submissions?externalId=subject-42');
    expect(erased.entry).toMatchObject({
      action: 'submission.erase',
      request: { query: { externalId: 'subject-42' } },
    });
  });

  it('refuses to update, delete or truncate the audit table, and a reset of the test database leaves it alone', async () => {
    const [{ n: before }] = await arbiter.db.query(`SELECT count(*)::int AS n FROM audit_entries`);
    expect(before).toBeGreaterThan(0);
    await expect(arbiter.db.query(`UPDATE audit_entries SET action = 'forged'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(arbiter.db.query(`DELETE FROM audit_entries`)).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(arbiter.db.query(`TRUNCATE audit_entries`)).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
    // Even a statement that matches no row: the trigger refuses the statement itself.
    await expect(arbiter.db.query(`DELETE FROM audit_entries WHERE false`)).rejects.toThrow(
      /append-only/,
    );
    await arbiter.reset();
    const [{ n: after }] = await arbiter.db.query(`SELECT count(*)::int AS n FROM audit_entries`);
    expect(after).toBe(before);
    expect(await arbiter.db.query(`SELECT 1 FROM audit_entries WHERE action = 'forged'`)).toEqual(
      [],
    );
  });

  it('lets admins read the log by actor, action and time, page by page, and export it (the export itself recorded)', async () => {
    // The reset re-seeded the admin: a new account, a new id.
    admin = { token: await arbiter.adminAccessToken() };
    [{ id: adminId }] = await arbiter.db.query(`SELECT id FROM users WHERE email = $1`, [
      TEST_ADMIN.email,
    ]);
    const start = new Date().toISOString();
    for (const name of ['one', 'two', 'three'])
      expect((await arbiter.http.post('/v1/clients', { name }, admin)).status).toBe(201);
    type Page = {
      entries: { action: string; actor: { email: string }; target: { id: string } }[];
      next: string | null;
    };
    const read = (query: string) => arbiter.http.get<Page>(`/v1/audit${query}`, admin);

    const all = await read(`?action=client.create&from=${encodeURIComponent(start)}`);
    expect(all.status).toBe(200);
    expect(all.body.entries.map((e) => e.action)).toEqual([
      'client.create',
      'client.create',
      'client.create',
    ]);
    expect(all.body.entries[0].actor.email).toBe(TEST_ADMIN.email);

    const first = await read(`?action=client.&from=${encodeURIComponent(start)}&limit=2`);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await read(
      `?action=client.&from=${encodeURIComponent(start)}&limit=2&cursor=${first.body.next}`,
    );
    expect(second.body.entries).toHaveLength(1);
    expect(second.body.next).toBeNull();
    expect([...first.body.entries, ...second.body.entries]).toEqual(all.body.entries);

    expect(
      (
        await read(
          `?actor=${encodeURIComponent(TEST_ADMIN.email)}&action=client.create&from=${encodeURIComponent(start)}`,
        )
      ).body.entries,
    ).toHaveLength(3);
    expect((await read(`?actor=nobody@audit.local`)).body.entries).toEqual([]);
    expect(
      (await read(`?to=${encodeURIComponent(start)}&action=client.create`)).body.entries.every(
        (e) => e.target.id !== all.body.entries[0].target.id,
      ),
    ).toBe(true);

    for (const [query, problem] of [
      ['?limit=0', 'limit must be an integer from 1 to 500'],
      ['?from=yesterday', 'from must be an ISO 8601 date-time'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor must be the next cursor of a page'],
      // Well formed but no instant: February 30th reached the query's cast.
      [
        `?cursor=${Buffer.from(`2026-02-30 00:00:00+00|${randomUUID()}`).toString('base64url')}`,
        'cursor must be the next cursor of a page',
      ],
      ['?actor=robert', "actor must be a user's id (UUID) or email"],
      [
        `?from=${encodeURIComponent(start)}&to=${encodeURIComponent(start)}`,
        'from must be before to',
      ],
    ]) {
      const refused = await read(query);
      expect([query, refused.status, JSON.stringify(refused.body)]).toEqual([
        query,
        400,
        expect.stringContaining(problem),
      ]);
    }

    const mark = await arbiter.auditMark();
    const exported = await arbiter.http.get<string>(
      `/v1/audit/export?action=client.create&from=${encodeURIComponent(start)}`,
      admin,
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(all.body.entries);
    expect(await arbiter.auditEntriesSince(mark)).toEqual([
      expect.objectContaining({ action: 'audit.export', actorId: adminId }),
    ]);
  });

  it('the export is streamed a page at a time: every entry of a log longer than a page, newest first', async () => {
    // 2,500 entries of an action of their own (the log is append-only; reset keeps them).
    await arbiter.db.query(
      `INSERT INTO audit_entries (id, at, action, target_kind, target_id)
       SELECT gen_random_uuid(), now() - n * interval '1 millisecond', 'paging.check', 'test', n::text
         FROM generate_series(1, 2500) AS n`,
    );
    const exported = await arbiter.http.get<string>('/v1/audit/export?action=paging.check', admin);
    expect(exported.status).toBe(200);
    const targets = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).target.id);
    expect(targets).toEqual(Array.from({ length: 2500 }, (_, i) => String(i + 1)));
  });
});
