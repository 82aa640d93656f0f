import { AuditIntentRepository, UnsettledIntent } from './audit-intent.repository';
import { AuditLog, AuditSettlement } from './audit-log.use-case';
import { AuditSnapshots } from './audit-snapshots.registry';
import { ReconcileAuditIntents } from './reconcile-audit-intents.use-case';

/** The reconciler over in-memory ports: intents in an array, settled entries in a map. */
function setup(intents: UnsettledIntent[]) {
  const pending = [...intents];
  const settled = new Map<string, AuditSettlement>();
  const repository = {
    unsettled: async (_olderThanMs: number, limit: number) => pending.slice(0, limit),
  };
  const log = {
    // Like the real claim: an intent is settled once; a second settle finds nothing.
    settle: async (id: string, s: AuditSettlement) => {
      const at = pending.findIndex((i) => i.id === id);
      if (at < 0) return false;
      pending.splice(at, 1);
      settled.set(id, s);
      return true;
    },
  };
  const snapshots = new AuditSnapshots();
  const reconcile = new ReconcileAuditIntents(
    repository as unknown as AuditIntentRepository,
    log as unknown as AuditLog,
    snapshots,
  );
  return { reconcile, snapshots, settled, pending };
}

const intent = (id: string, targetKind = 'client', targetId: string | null = `t-${id}`) => ({
  id,
  targetKind,
  targetId,
});

describe('ReconcileAuditIntents', () => {
  it('records each unfinished call as unconfirmed, with its target as read now', async () => {
    const { reconcile, snapshots, settled } = setup([intent('a'), intent('b')]);
    snapshots.register('client', async (id) => ({ id, requestsPerSecond: 7 }));
    expect(await reconcile.execute(600_000)).toBe(2);
    expect(settled.get('a')).toEqual({
      status: 'unconfirmed',
      after: { id: 't-a', requestsPerSecond: 7 },
    });
    expect(settled.get('b')?.status).toBe('unconfirmed');
  });

  it.each([
    ['no target named (a creation whose result never came back)', intent('c', 'client', null)],
    ['no reader for its kind', intent('c', 'unknown-kind')],
    ['a reader that fails', intent('c', 'broken')],
  ])('records a call whose state cannot be read with no state after: %s', async (_why, one) => {
    const { reconcile, snapshots, settled } = setup([one]);
    snapshots.register('client', async () => ({ read: true }));
    snapshots.register('broken', async () => {
      throw new Error('connection reset');
    });
    expect(await reconcile.execute(600_000)).toBe(1);
    expect(settled.get('c')).toEqual({ status: 'unconfirmed', after: null });
  });

  it('goes on past a full batch until no unfinished call is left', async () => {
    const many = Array.from({ length: 250 }, (_, i) => intent(`i${i}`));
    const { reconcile, pending } = setup(many);
    expect(await reconcile.execute(600_000)).toBe(250);
    expect(pending).toEqual([]);
  });

  it('does not count a call settled meanwhile by someone else', async () => {
    const { reconcile, snapshots, pending } = setup([intent('a')]);
    // The call itself finishes while the reconciler reads its target.
    snapshots.register('client', async () => {
      pending.splice(0, 1);
      return {};
    });
    expect(await reconcile.execute(600_000)).toBe(0);
  });
});
