import { AuditEntryRepository, AuditEntryRow } from './audit-entry.repository';
import { AuditFilter } from './audit-filter';
import { AuditIntentRepository, PendingIntentRow } from './audit-intent.repository';
import { AuditErrorCode } from './audit.errors';
import { ExportAuditLog } from './export-audit-log.use-case';

const ACTOR = '6f1c7c56-0f1e-4d7e-9c1a-2b6f3b1d9a10';

/** The fields an entry and an intent share; `second` orders them (a larger one is newer). */
function common(id: string, second: number) {
  const at = new Date(Date.UTC(2026, 11, 7, 1, 0, 0) + second * 1000);
  return {
    id,
    at,
    atExact: at.toISOString(),
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
  };
}
const entry = (id: string, second: number): AuditEntryRow => ({
  ...common(id, second),
  after: { requestsPerSecond: 7 },
  status: 'done',
});
const intent = (id: string, second: number): PendingIntentRow => common(id, second);

type Keyset = AuditFilter & { after?: { at: string; id: string } };

/** A keyset read over rows held in memory, newest first, as the repositories read the tables. */
function keysetRead<T extends { id: string; atExact: string }>(rows: T[], reads: Keyset[]) {
  const newestFirst = [...rows].sort(
    (a, b) => b.atExact.localeCompare(a.atExact) || b.id.localeCompare(a.id),
  );
  return async (filter: Keyset, limit: number): Promise<T[]> => {
    reads.push(filter);
    const after = filter.after;
    return newestFirst
      .filter((r) => !after || r.atExact < after.at || (r.atExact === after.at && r.id < after.id))
      .slice(0, limit);
  };
}

function setup(entries: AuditEntryRow[], intents: PendingIntentRow[]) {
  const entryReads: Keyset[] = [];
  const intentReads: Keyset[] = [];
  const exporter = new ExportAuditLog(
    { page: keysetRead(entries, entryReads) } as unknown as AuditEntryRepository,
    { pending: keysetRead(intents, intentReads) } as unknown as AuditIntentRepository,
  );
  return { exporter, entryReads, intentReads };
}

async function linesOf(lines: AsyncIterable<string>): Promise<Record<string, unknown>[]> {
  let text = '';
  for await (const chunk of lines) text += chunk;
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('ExportAuditLog', () => {
  it('exports the entries only unless asked for the calls in flight', async () => {
    const { exporter, intentReads } = setup([entry('e1', 1), entry('e2', 2)], [intent('p1', 3)]);
    for (const options of [undefined, {}, { includePending: false }]) {
      const lines = await linesOf(exporter.execute({}, null, options));
      expect(lines.map((l) => [l.id, l.status])).toEqual([
        ['e2', 'done'],
        ['e1', 'done'],
      ]);
    }
    expect(intentReads).toEqual([]);
  });

  it('puts the calls in flight first, newest first, each with an entry’s fields and status pending', async () => {
    const { exporter } = setup(
      [entry('e1', 1), entry('e2', 2)],
      [intent('p1', 0), intent('p2', 5)],
    );
    const lines = await linesOf(exporter.execute({}, null, { includePending: true }));
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['p2', 'pending'],
      ['p1', 'pending'],
      ['e2', 'done'],
      ['e1', 'done'],
    ]);
    expect(lines[0]).toEqual({
      id: 'p2',
      at: '2026-12-07T01:00:05.000Z',
      actor: { id: ACTOR, email: 'ada@example.com', role: 'admin' },
      action: 'client.quota',
      target: { kind: 'client', id: 'client-p2' },
      before: { requestsPerSecond: null },
      after: null,
      request: { body: { requestsPerSecond: 7 } },
      reason: null,
      requestId: 'req-p2',
      ip: '127.0.0.1',
      status: 'pending',
    });
    // The same keys, in the same order, as an entry's line: one reader takes both.
    expect(Object.keys(lines[0])).toEqual(Object.keys(lines[2]));
  });

  it('exports a call answered while the export runs once, as the pending call it was when read', async () => {
    // Read as pending, then appended as an entry before the entries are read: the same id twice.
    const { exporter } = setup([entry('e1', 1), entry('p1', 9)], [intent('p1', 5)]);
    const lines = await linesOf(exporter.execute({}, null, { includePending: true }));
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['p1', 'pending'],
      ['e1', 'done'],
    ]);
  });

  it('reads both in pages of 1,000, each row once, newest first', async () => {
    const entries = Array.from({ length: 2500 }, (_, i) =>
      entry(`e${String(i).padStart(4, '0')}`, -i),
    );
    const intents = Array.from({ length: 1001 }, (_, i) =>
      intent(`p${String(i).padStart(4, '0')}`, 10_000 - i),
    );
    const { exporter, entryReads, intentReads } = setup(entries, intents);
    const lines = await linesOf(exporter.execute({}, null, { includePending: true }));
    expect(lines.map((l) => l.id)).toEqual([...intents, ...entries].map((r) => r.id));
    expect([intentReads.length, entryReads.length]).toEqual([2, 3]);
  });

  it('reads within the reader’s workspace and filters, and refuses a bad range before reading', async () => {
    const { exporter, entryReads, intentReads } = setup([], []);
    await linesOf(
      exporter.execute({ action: 'client.', actor: ACTOR }, 'ws-1', { includePending: true }),
    );
    const expected = expect.objectContaining({
      action: 'client.',
      actorId: ACTOR,
      workspaceId: 'ws-1',
    });
    expect([intentReads, entryReads]).toEqual([[expected], [expected]]);

    expect(() =>
      exporter.execute({ from: '2026-12-07T02:00:00Z', to: '2026-12-07T01:00:00Z' }, null, {
        includePending: true,
      }),
    ).toThrow(expect.objectContaining({ code: AuditErrorCode.BadRange }));
  });
});
