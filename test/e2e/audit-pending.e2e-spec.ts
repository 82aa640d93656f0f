import { expectEventually, TEST_ADMIN } from '@arbiter/testing';
import type { ArbiterHarness } from '../support/arbiter.harness';
import { startAuditRefusals, type AuditRefusalHarness } from '../support/audit-refusals';

type Pending = {
  id: string;
  announcedAt: string;
  status: string;
  action: string;
  actor: { id: string | null; email: string | null; role: string | null };
  target: { kind: string; id: string | null };
  before: Record<string, unknown> | null;
  request: Record<string, unknown> | null;
  requestId: string | null;
};
type Entry = { id: string; status: string; target: { id: string | null } };
/** A line of the export: an entry's fields, a call in flight included (status pending). */
type Line = Entry & Record<string, unknown> & { action: string };

/**
 * GET /v1/audit/pending: the audited calls announced and not answered yet. An auditor looking right
 * after an incident sees what was in flight (a call still running, or one whose process stopped)
 * before the reconciler appends it to the log as unconfirmed; each call leaves the list as it
 * becomes an entry, under the same id.
 */
describe('audit log: the calls in flight', () => {
  let arbiter: ArbiterHarness;
  let admin: { token: string };
  let reconcile: () => Promise<number>;
  let refusing: AuditRefusalHarness['refusing'];
  let newClient: AuditRefusalHarness['newClient'];
  let setQuota: AuditRefusalHarness['setQuota'];

  beforeAll(async () => {
    // The reconciler runs when a test says so: not on its own timer.
    ({ arbiter, admin, reconcile, refusing, newClient, setQuota } = await startAuditRefusals());
  }, 60_000);

  afterAll(() => arbiter?.stop());

  /** Sets each quota while the log refuses its entry: each call's intent stays, unanswered. */
  async function setQuotasLosingTheirEntries(clientIds: string[], rps: number): Promise<number[]> {
    return refusing('audit_entries', 'INSERT', `NEW.action = 'client.quota'`, async () => {
      const statuses: number[] = [];
      for (const clientId of clientIds) statuses.push((await setQuota(clientId, rps)).status);
      return statuses;
    });
  }

  /** What an auditor reads: the quota calls in flight on one client. */
  async function pendingOn(clientId: string): Promise<Pending[]> {
    const res = await arbiter.http.get<{ pending: Pending[]; more: boolean }>(
      '/v1/audit/pending?action=client.quota&limit=500',
      admin,
    );
    expect([res.status, res.body.more]).toEqual([200, false]);
    return res.body.pending.filter((p) => p.target.id === clientId);
  }

  /** The quota entries of one client in the log, newest first. */
  async function entriesOn(clientId: string): Promise<Entry[]> {
    const res = await arbiter.http.get<{ entries: Entry[] }>(
      '/v1/audit?action=client.quota&limit=500',
      admin,
    );
    expect(res.status).toBe(200);
    return res.body.entries.filter((e) => e.target.id === clientId);
  }

  /** The lines of an export, as a compliance reader takes them (the raw text, line by line). */
  async function exported(query: string, token = admin.token): Promise<Line[]> {
    const res = await fetch(`${arbiter.http.baseUrl}/v1/audit/export${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await res.text();
    expect([query, res.status, res.headers.get('content-type')]).toEqual([
      query,
      200,
      expect.stringMatching(/application\/x-ndjson/),
    ]);
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  }

  it('a call whose answer never came is pending at once; once recorded unconfirmed it is an entry, no longer pending', async () => {
    const clientId = await newClient('quota-crashed');
    // The quota is set, but its entry cannot be written: the trace a process dying leaves.
    expect(await setQuotasLosingTheirEntries([clientId], 7)).toEqual([500]);
    expect(await entriesOn(clientId)).toEqual([]);

    const [pending, ...others] = await pendingOn(clientId);
    expect(others).toEqual([]);
    expect(pending).toEqual({
      id: expect.any(String),
      announcedAt: expect.any(String),
      status: 'pending',
      action: 'client.quota',
      actor: { id: expect.any(String), email: TEST_ADMIN.email, role: 'admin' },
      target: { kind: 'client', id: clientId },
      before: expect.objectContaining({ requestsPerSecond: null }),
      request: expect.objectContaining({ body: { requestsPerSecond: 7 } }),
      reason: null,
      requestId: expect.any(String),
      ip: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(pending.announcedAt))).toBe(false);

    // Reconciled (it is older than any call takes): the entry, under the intent's id; not pending.
    await arbiter.db.query(`UPDATE audit_intents SET at = at - interval '1 hour'`);
    expect(await reconcile()).toBe(1);
    expect(await entriesOn(clientId)).toEqual([
      expect.objectContaining({ id: pending.id, status: 'unconfirmed' }),
    ]);
    expect(await pendingOn(clientId)).toEqual([]);
  });

  it('a call still running is pending; once answered it is a done entry and never pending again', async () => {
    const clientId = await newClient('quota-running');
    // Hold the client's row: the call is announced, then waits on the lock inside its route.
    const holder = arbiter.db.createQueryRunner();
    await holder.connect();
    let answered: ReturnType<typeof setQuota> | undefined;
    try {
      await holder.startTransaction();
      await holder.query(`SELECT id FROM clients WHERE id = $1 FOR UPDATE`, [clientId]);
      answered = setQuota(clientId, 9);
      const running = await expectEventually(async () => {
        const [one] = await pendingOn(clientId);
        expect(one).toMatchObject({ status: 'pending', target: { id: clientId } });
        return one;
      });
      await holder.commitTransaction();
      expect((await answered).status).toBe(200);
      expect(await entriesOn(clientId)).toEqual([
        expect.objectContaining({ id: running.id, status: 'done' }),
      ]);
      expect(await pendingOn(clientId)).toEqual([]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await answered;
    }

    // Answered at once, or refused: never pending afterwards.
    expect((await setQuota(clientId, 3)).status).toBe(200);
    expect((await setQuota(clientId, -1)).status).toBe(400);
    expect(await pendingOn(clientId)).toEqual([]);
    expect(await arbiter.db.query(`SELECT id FROM audit_intents`)).toEqual([]);
  });

  it('filters by actor, action and time, and is bounded by limit', async () => {
    const clientIds = [await newClient('quota-a'), await newClient('quota-b')];
    const before = new Date(Date.now() - 60_000).toISOString();
    expect(await setQuotasLosingTheirEntries(clientIds, 2)).toEqual([500, 500]);
    type List = { pending: Pending[]; more: boolean };
    const read = async (query: string) => {
      const res = await arbiter.http.get<List>(`/v1/audit/pending${query}`, admin);
      expect([query, res.status]).toEqual([query, 200]);
      return { targets: res.body.pending.map((p) => p.target.id), more: res.body.more };
    };
    const newestFirst = [...clientIds].reverse();
    expect(await read('?action=client.')).toEqual({ targets: newestFirst, more: false });
    expect(await read('?action=client.quota&limit=1')).toEqual({
      targets: newestFirst.slice(0, 1),
      more: true,
    });
    expect(await read(`?actor=${encodeURIComponent(TEST_ADMIN.email)}`)).toEqual({
      targets: newestFirst,
      more: false,
    });
    expect(await read('?actor=nobody@audit.local')).toEqual({ targets: [], more: false });
    expect(await read('?action=pipeline.')).toEqual({ targets: [], more: false });
    expect(await read(`?to=${encodeURIComponent(before)}`)).toEqual({ targets: [], more: false });
    expect(await read(`?from=${encodeURIComponent(before)}`)).toEqual({
      targets: newestFirst,
      more: false,
    });

    await arbiter.db.query(`UPDATE audit_intents SET at = at - interval '1 hour'`);
    expect(await reconcile()).toBe(2);
    expect(await read('')).toEqual({ targets: [], more: false });
  });

  it('the export holds the calls in flight when asked (includePending=true), and later the entry each became, under the same id', async () => {
    const clientId = await newClient('quota-exported');
    const before = new Date(Date.now() - 60_000).toISOString();
    expect(await setQuotasLosingTheirEntries([clientId], 4)).toEqual([500]);
    const [pending] = await pendingOn(clientId);
    const on = (lines: Line[]) => lines.filter((l) => l.target.id === clientId);

    // Without asking (or asking not to), an export is the log's entries only, as it always was.
    for (const query of ['?action=client.quota', '?action=client.quota&includePending=false'])
      expect([query, on(await exported(query))]).toEqual([query, []]);

    // Asked: the call, first (it will be appended after every entry there is), with an entry's
    // fields, `at` when it was announced, no `after` yet, and status pending.
    const withPending = await exported('?includePending=true');
    expect(withPending[0]).toEqual({
      id: pending.id,
      at: pending.announcedAt,
      actor: pending.actor,
      action: 'client.quota',
      target: { kind: 'client', id: clientId },
      before: pending.before,
      after: null,
      request: pending.request,
      reason: null,
      requestId: pending.requestId,
      ip: expect.any(String),
      status: 'pending',
    });
    const anEntry = withPending.find((l) => l.status === 'done');
    expect(Object.keys(withPending[0])).toEqual(Object.keys(anEntry ?? {}));
    expect(withPending.filter((l) => l.status === 'pending')).toHaveLength(1);
    // The export's own call was answered before its lines were read: it is not in flight there.
    expect(
      withPending.filter((l) => l.action === 'audit.export' && l.status === 'pending'),
    ).toEqual([]);

    // The same filters as the entries: action, actor, and time (when the call was announced).
    for (const [query, ids] of [
      ['?includePending=true&action=client.', [pending.id]],
      [
        `?includePending=true&actor=${encodeURIComponent(TEST_ADMIN.email)}&action=client.quota`,
        [pending.id],
      ],
      [`?includePending=true&from=${encodeURIComponent(before)}&action=client.quota`, [pending.id]],
      [`?includePending=true&to=${encodeURIComponent(before)}&action=client.quota`, []],
      ['?includePending=true&action=pipeline.', []],
      ['?includePending=true&actor=nobody@audit.local', []],
    ] as const) {
      const lines = await exported(query);
      expect([query, lines.filter((l) => l.status === 'pending').map((l) => l.id)]).toEqual([
        query,
        ids,
      ]);
    }

    // Recorded unconfirmed: the export has it as that entry, under the same id, and no longer pending.
    await arbiter.db.query(`UPDATE audit_intents SET at = at - interval '1 hour'`);
    expect(await reconcile()).toBe(1);
    expect(on(await exported('?includePending=true&action=client.quota'))).toEqual([
      expect.objectContaining({ id: pending.id, status: 'unconfirmed', after: expect.any(Object) }),
    ]);
  });

  it('a call still running is exported pending when asked; once answered, as its done entry under the same id', async () => {
    const clientId = await newClient('quota-export-running');
    const holder = arbiter.db.createQueryRunner();
    await holder.connect();
    let answered: ReturnType<typeof setQuota> | undefined;
    const on = (lines: Line[]) =>
      lines.filter((l) => l.target.id === clientId).map((l) => [l.id, l.status]);
    try {
      await holder.startTransaction();
      await holder.query(`SELECT id FROM clients WHERE id = $1 FOR UPDATE`, [clientId]);
      answered = setQuota(clientId, 6);
      const running = await expectEventually(async () => {
        const [one] = await pendingOn(clientId);
        expect(one).toMatchObject({ status: 'pending' });
        return one;
      });
      expect(on(await exported('?action=client.quota&includePending=true'))).toEqual([
        [running.id, 'pending'],
      ]);
      expect(on(await exported('?action=client.quota'))).toEqual([]);
      await holder.commitTransaction();
      expect((await answered).status).toBe(200);
      expect(on(await exported('?action=client.quota&includePending=true'))).toEqual([
        [running.id, 'done'],
      ]);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await answered;
    }
  });

  it('is for admins only: a lead or a reviewer is refused, and so is a caller without a token', async () => {
    for (const role of ['lead', 'reviewer']) {
      const email = `${role}@pending.local`;
      const password = `${role}-password-1`;
      const created = await arbiter.http.post(
        '/v1/users',
        { email, password, role, queues: ['desk'] },
        admin,
      );
      expect([role, created.status]).toEqual([role, 201]);
      const login = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
        email,
        password,
      });
      for (const path of ['/v1/audit/pending', '/v1/audit/export?includePending=true']) {
        const res = await arbiter.http.get(path, { token: login.body.accessToken });
        expect([role, path, res.status]).toEqual([role, path, 403]);
      }
    }
    expect((await arbiter.http.get('/v1/audit/pending')).status).toBe(401);
    expect((await arbiter.http.get('/v1/audit/export?includePending=true')).status).toBe(401);
  });

  it('refuses bad parameters with a 400 naming the problem', async () => {
    for (const [query, problem] of [
      ['?limit=0', 'limit must be an integer from 1 to 500'],
      ['?limit=501', 'limit must be an integer from 1 to 500'],
      ['?from=yesterday', 'from must be an ISO 8601 date-time'],
      ['?actor=robert', "actor must be a user's id (UUID) or email"],
      ['?action=Pipeline', 'action must be an action such as pipeline.activate'],
      ['?from=2026-12-07T02:00:00Z&to=2026-12-07T01:00:00Z', 'from must be before to'],
      // The list is of the calls in flight now: it has no pages to continue.
      ['?cursor=abc', 'property cursor should not exist'],
    ]) {
      const refused = await arbiter.http.get(`/v1/audit/pending${query}`, admin);
      expect([query, refused.status, JSON.stringify(refused.body)]).toEqual([
        query,
        400,
        expect.stringContaining(problem),
      ]);
    }
  });

  it('the export refuses a bad includePending with a 400 naming it, and records nothing for it', async () => {
    const exports = async () =>
      (await arbiter.db.query(`SELECT id FROM audit_entries WHERE action = 'audit.export'`)).length;
    const exportsBefore = await exports();
    for (const [query, problem] of [
      ['?includePending=yes', 'includePending must be true or false'],
      ['?includePending=1', 'includePending must be true or false'],
      ['?includePending=TRUE', 'includePending must be true or false'],
      ['?includePending=', 'includePending must be true or false'],
      ['?includePending=true&includePending=false', 'includePending must be true or false'],
      // The filters are checked as without it.
      ['?includePending=true&from=yesterday', 'from must be an ISO 8601 date-time'],
      [
        '?includePending=true&from=2026-12-07T02:00:00Z&to=2026-12-07T01:00:00Z',
        'from must be before to',
      ],
      // The pending list's bound is not the export's.
      ['?includePending=true&limit=5', 'property limit should not exist'],
    ]) {
      const refused = await arbiter.http.get(`/v1/audit/export${query}`, admin);
      // A JSON problem, labelled JSON (not the JSON Lines of a successful export).
      expect([
        query,
        refused.status,
        refused.headers.get('content-type'),
        JSON.stringify(refused.body),
      ]).toEqual([
        query,
        400,
        expect.stringMatching(/^application\/json/),
        expect.stringContaining(problem),
      ]);
    }
    // A refused call changed nothing and took nothing out: no export recorded.
    expect(await exports()).toBe(exportsBefore);
  });
});
