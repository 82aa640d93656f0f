import { loadConfig } from '@arbiter/config';
import { AccountRepository, ApiKeyPrincipal } from './account.repository';
import { ActiveUsers } from './active-users.service';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { SessionRepository, SessionState } from './session.repository';
import { WorkspaceAccess } from './workspace-access.service';
import { Membership, WorkspaceRepository } from './workspace.repository';

// A read that started before a change committed can come back after the change's announcement
// was forgotten: what it read is already stale, and caching it would keep the change away from
// this replica for a whole TTL (a minute in some deployments), not "at once".
const config = loadConfig({
  ARBITER_AUTH_CACHE_TTL_MS: '60000',
  ARBITER_API_KEY_CACHE_TTL_MS: '60000',
});

/** A database whose answers the test releases one at a time, each as the data stands then. */
function slowDatabase<T>(now: () => T) {
  const waiting: (() => void)[] = [];
  let reads = 0;
  return {
    read: () => {
      reads++;
      const snapshot = now();
      return new Promise<T>((resolve) => waiting.push(() => resolve(snapshot)));
    },
    release: () => waiting.shift()?.(),
    reads: () => reads,
  };
}

describe('auth caches and a read in flight when its change is forgotten', () => {
  it('ActiveUsers does not keep the state read before a sign-out', async () => {
    let state: SessionState = { disabled: false, familyRevoked: false, role: 'reviewer' };
    const db = slowDatabase(() => state);
    const users = new ActiveUsers({ state: db.read } as unknown as SessionRepository, config);

    const before = users.refusal('u1', 'f1', 'reviewer');
    state = { ...state, familyRevoked: true }; // committed by another replica…
    users.forget('u1'); // …whose announcement arrives while the read is still out
    db.release();
    expect(await before).toBeNull(); // the request that began before the sign-out stands

    const after = users.refusal('u1', 'f1', 'reviewer');
    db.release();
    expect(await after).toBe('This session was signed out');
    expect(db.reads()).toBe(2);
  });

  it('WorkspaceAccess does not keep the memberships read before a removal', async () => {
    let rows: Membership[] = [{ workspaceId: 'w1', key: 'acme', name: 'Acme', role: 'lead' }];
    const db = slowDatabase(() => rows);
    const access = new WorkspaceAccess(
      { membershipsOf: db.read } as unknown as WorkspaceRepository,
      config,
    );

    const before = access.membershipsOf('u1');
    rows = [];
    access.forget('u1');
    db.release();
    expect(await before).toHaveLength(1);

    const after = access.membershipsOf('u1');
    db.release();
    expect(await after).toEqual([]);
  });

  it('ApiKeyPrincipals does not keep a key read before its revocation', async () => {
    const principal: ApiKeyPrincipal = {
      keyId: 'k1',
      clientId: 'c1',
      clientName: 'bot',
      allowedPipelines: null,
      workspaceId: 'w1',
    };
    let live: ApiKeyPrincipal | null = principal;
    const db = slowDatabase(() => live);
    const keys = new ApiKeyPrincipals(
      { findPrincipalByKeyHash: db.read } as unknown as AccountRepository,
      config,
    );

    const before = keys.lookup('h1');
    live = null;
    keys.forget('k1');
    db.release();
    expect(await before).toEqual(principal);

    const after = keys.lookup('h1');
    db.release();
    expect(await after).toBeNull();
  });
});
