import { loadConfig } from '@arbiter/config';
import { DEFAULT_WORKSPACE_ID } from '@arbiter/persistence';
import { AuthErrorCode } from './auth.errors';
import { ClientPrincipal, UserPrincipal } from './principal';
import { WorkspaceAccess } from './workspace-access.service';
import { actingWorkspace, homeOf, requestedWorkspace, scopeOf, visibleIn } from './workspace-scope';
import { Membership, WorkspaceRepository } from './workspace.repository';

const ACME = '11111111-1111-4111-8111-111111111111';
const GLOBEX = '22222222-2222-4222-8222-222222222222';
const memberships: Membership[] = [
  { workspaceId: ACME, key: 'acme', name: 'Acme', role: 'reviewer' },
  { workspaceId: GLOBEX, key: 'globex', name: 'Globex', role: 'lead' },
];
const person = { platformAdmin: false };
const platform = { platformAdmin: true };

const user = (over: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: 'user',
  userId: 'u1',
  role: 'reviewer',
  platformAdmin: false,
  workspace: null,
  ...over,
});
const client: ClientPrincipal = {
  kind: 'client',
  clientId: 'c1',
  keyId: 'k1',
  allowedPipelines: null,
  workspaceId: GLOBEX,
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('requestedWorkspace', () => {
  it('reads a header or handshake value: a trimmed string, the first of a repeated header, else none', () => {
    expect(requestedWorkspace(' acme ')).toBe('acme');
    expect(requestedWorkspace(['globex', 'acme'])).toBe('globex');
    for (const none of [undefined, null, '', '   ', 42, {}])
      expect(requestedWorkspace(none)).toBeNull();
  });
});

describe('actingWorkspace', () => {
  it('without a header: the first membership and its role', () => {
    expect(actingWorkspace(person, memberships, null)).toEqual({
      workspace: { id: ACME, key: 'acme' },
      role: 'reviewer',
    });
  });

  it('a named workspace of theirs: that one, with the role held there', () => {
    expect(actingWorkspace(person, memberships, 'globex')).toEqual({
      workspace: { id: GLOBEX, key: 'globex' },
      role: 'lead',
    });
  });

  it('a named workspace they are not in, one that does not exist or a malformed key: the same 404', () => {
    for (const key of ['default', 'no-such', 'Not A Key', '../acme'])
      expect([key, codeOf(() => actingWorkspace(person, memberships, key))]).toEqual([
        key,
        AuthErrorCode.WorkspaceNotFound,
      ]);
  });

  it('a person of no workspace: 403, whatever they name', () => {
    expect(codeOf(() => actingWorkspace(person, [], null))).toBe(AuthErrorCode.NoWorkspace);
    expect(codeOf(() => actingWorkspace(person, [], 'acme'))).toBe(AuthErrorCode.WorkspaceNotFound);
  });

  it('a platform admin: every workspace without a header, any existing one as admin with it', () => {
    expect(actingWorkspace(platform, [], null)).toEqual({ workspace: null, role: 'admin' });
    expect(actingWorkspace(platform, [], 'globex', { id: GLOBEX, key: 'globex' })).toEqual({
      workspace: { id: GLOBEX, key: 'globex' },
      role: 'admin',
    });
    // Even one they are a (reviewer) member of: a platform admin is admin everywhere.
    expect(actingWorkspace(platform, memberships, 'acme', { id: ACME, key: 'acme' }).role).toBe(
      'admin',
    );
    expect(codeOf(() => actingWorkspace(platform, [], 'nope', null))).toBe(
      AuthErrorCode.WorkspaceNotFound,
    );
  });
});

describe('scopeOf, visibleIn and homeOf', () => {
  it("limits a client to its client's workspace, a person to the request's", () => {
    expect(scopeOf(client)).toBe(GLOBEX);
    expect(scopeOf(user({ workspace: { id: ACME, key: 'acme' } }))).toBe(ACME);
  });

  it('gives a platform admin who named none every workspace (null)', () => {
    expect(scopeOf(user({ platformAdmin: true, role: 'admin' }))).toBeNull();
  });

  it('refuses a person whose workspace was never resolved, rather than showing them everything', () => {
    expect(() => scopeOf(user())).toThrow(/without a workspace/);
  });

  it('sees a row of its own workspace only; null sees every row that has one', () => {
    expect(visibleIn(ACME, ACME)).toBe(true);
    expect(visibleIn(ACME, GLOBEX)).toBe(false);
    expect(visibleIn(null, GLOBEX)).toBe(true);
    expect(visibleIn(null, null)).toBe(false);
    expect(visibleIn(ACME, undefined)).toBe(false);
  });

  it("creates in the caller's workspace, or in default for a platform admin who named none", () => {
    expect(homeOf(client)).toBe(GLOBEX);
    expect(homeOf(user({ workspace: { id: ACME, key: 'acme' } }))).toBe(ACME);
    expect(homeOf(user({ platformAdmin: true, role: 'admin' }))).toBe(DEFAULT_WORKSPACE_ID);
  });
});

describe('WorkspaceAccess', () => {
  function access(rows: Membership[]) {
    const repository = {
      membershipsOf: jest.fn(async () => rows),
      findByKey: jest.fn(async (key: string) =>
        key === 'globex'
          ? { id: GLOBEX, key: 'globex', name: 'Globex', createdAt: new Date() }
          : null,
      ),
    };
    return {
      repository,
      access: new WorkspaceAccess(
        repository as unknown as WorkspaceRepository,
        loadConfig({ ARBITER_AUTH_CACHE_TTL_MS: '60000' }),
      ),
    };
  }

  it("places a token's person in the named workspace with the role held there", async () => {
    const { access: a } = access(memberships);
    const resolved = await a.resolve(user({ role: 'reviewer' }), 'globex');
    expect([resolved.workspace, resolved.role]).toEqual([{ id: GLOBEX, key: 'globex' }, 'lead']);
  });

  it('reads memberships once per person within the cache time, again after forget', async () => {
    const { access: a, repository } = access(memberships);
    await a.resolve(user(), null);
    await a.resolve(user(), 'globex');
    expect(repository.membershipsOf).toHaveBeenCalledTimes(1);
    a.forget('u1');
    await a.resolve(user(), null);
    expect(repository.membershipsOf).toHaveBeenCalledTimes(2);
  });

  it('looks a named workspace up for a platform admin only', async () => {
    const { access: a, repository } = access([]);
    const admin = user({ platformAdmin: true, role: 'admin' });
    expect((await a.resolve(admin, undefined)).workspace).toBeNull();
    expect((await a.resolve(admin, 'globex')).workspace).toEqual({ id: GLOBEX, key: 'globex' });
    await expect(a.resolve(admin, 'nope')).rejects.toMatchObject({
      code: AuthErrorCode.WorkspaceNotFound,
    });
    expect(repository.membershipsOf).not.toHaveBeenCalled();
    await expect(a.resolve(user(), 'globex')).rejects.toMatchObject({
      code: AuthErrorCode.WorkspaceNotFound,
    });
    expect(repository.findByKey).toHaveBeenCalledTimes(2);
  });

  // A workspace's creation is announced to no cache: a key looked up before it existed must not
  // stay unknown on this replica for the cache's lifetime (a minute where so configured).
  it('finds a workspace created after its key was looked up in vain', async () => {
    let created = false;
    const repository = {
      membershipsOf: jest.fn(async () => []),
      findByKey: jest.fn(async (key: string) =>
        created && key === 'newco'
          ? { id: GLOBEX, key: 'newco', name: 'NewCo', createdAt: new Date() }
          : null,
      ),
    };
    const a = new WorkspaceAccess(
      repository as unknown as WorkspaceRepository,
      loadConfig({ ARBITER_AUTH_CACHE_TTL_MS: '60000' }),
    );
    const admin = user({ platformAdmin: true, role: 'admin' });
    await expect(a.resolve(admin, 'newco')).rejects.toMatchObject({
      code: AuthErrorCode.WorkspaceNotFound,
    });
    created = true;
    expect((await a.resolve(admin, 'newco')).workspace).toEqual({ id: GLOBEX, key: 'newco' });
  });
});
