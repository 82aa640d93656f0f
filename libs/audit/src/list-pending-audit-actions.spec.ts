import { AuditFilter } from './audit-filter';
import { AuditIntentRepository, PendingIntentRow } from './audit-intent.repository';
import { AuditErrorCode } from './audit.errors';
import { ListPendingAuditActions } from './list-pending-audit-actions.use-case';

const ACTOR = '6f1c7c56-0f1e-4d7e-9c1a-2b6f3b1d9a10';

const row = (id: string, at: string): PendingIntentRow => ({
  id,
  at: new Date(at),
  atExact: at,
  actorId: ACTOR,
  actorRole: 'admin',
  actorEmail: 'ada@example.com',
  action: 'client.quota',
  targetKind: 'client',
  targetId: `client-${id}`,
  before: { requestsPerSecond: null },
  request: { body: { requestsPerSecond: 7 } },
  reason: null,
  requestId: `req-${id}`,
  ip: '127.0.0.1',
  workspaceId: null,
});

/** The use case over an in-memory port: the intents newest first, and the last read recorded. */
function setup(rows: PendingIntentRow[]) {
  const reads: { filter: AuditFilter; limit: number }[] = [];
  const intents = {
    pending: async (filter: AuditFilter, limit: number) => {
      reads.push({ filter, limit });
      return rows.slice(0, limit);
    },
  };
  return { list: new ListPendingAuditActions(intents as unknown as AuditIntentRepository), reads };
}

describe('ListPendingAuditActions', () => {
  it('shows each call in flight as pending, with its announcement time and what it was about to do', async () => {
    const { list } = setup([row('a', '2026-12-07T01:00:00.000Z')]);
    expect(await list.execute({})).toEqual({
      pending: [
        {
          id: 'a',
          announcedAt: '2026-12-07T01:00:00.000Z',
          actor: { id: ACTOR, email: 'ada@example.com', role: 'admin' },
          action: 'client.quota',
          target: { kind: 'client', id: 'client-a' },
          before: { requestsPerSecond: null },
          request: { body: { requestsPerSecond: 7 } },
          reason: null,
          requestId: 'req-a',
          ip: '127.0.0.1',
          status: 'pending',
        },
      ],
      more: false,
    });
  });

  it.each([
    [1, ['a'], true],
    [2, ['a', 'b'], true],
    [3, ['a', 'b', 'c'], false],
    [4, ['a', 'b', 'c'], false],
  ])('with limit %i lists %j and says whether more match (%s)', async (limit, ids, more) => {
    const { list } = setup([
      row('a', '2026-12-07T01:00:03Z'),
      row('b', '2026-12-07T01:00:02Z'),
      row('c', '2026-12-07T01:00:01Z'),
    ]);
    const listed = await list.execute({}, limit);
    expect([listed.pending.map((p) => p.id), listed.more]).toEqual([ids, more]);
  });

  it('reads within the reader’s workspace, by actor email or id, action and time', async () => {
    const { list, reads } = setup([]);
    await list.execute(
      { actor: 'Ada@example.com', action: 'client.', from: '2026-12-07T00:00:00Z' },
      10,
      'ws-1',
    );
    await list.execute({ actor: ACTOR });
    expect(reads).toEqual([
      {
        filter: expect.objectContaining({
          actorEmail: 'Ada@example.com',
          actorId: undefined,
          action: 'client.',
          from: new Date('2026-12-07T00:00:00Z'),
          workspaceId: 'ws-1',
        }),
        limit: 11,
      },
      {
        filter: expect.objectContaining({ actorId: ACTOR, workspaceId: undefined }),
        limit: 51,
      },
    ]);
  });

  it('refuses a time range that ends before it starts, before reading', async () => {
    const { list, reads } = setup([]);
    await expect(
      list.execute({ from: '2026-12-07T02:00:00Z', to: '2026-12-07T01:00:00Z' }),
    ).rejects.toMatchObject({ code: AuditErrorCode.BadRange, message: 'from must be before to' });
    expect(reads).toEqual([]);
  });
});
