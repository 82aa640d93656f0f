import { loadConfig } from '@arbiter/config';
import { ProcessMetrics } from '@arbiter/observability';
import { QueueProducer } from '@arbiter/queue';
import { AccountRepository, ApiKeyPrincipal } from './account.repository';
import { ActiveUsers } from './active-users.service';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { AuthChange } from './auth-change';
import { AuthInvalidations } from './auth-invalidations.service';
import { WorkspaceAccess } from './workspace-access.service';

const USER = '6f1c2a4e-0000-4000-8000-000000000001';
const KEY = '6f1c2a4e-0000-4000-8000-0000000000aa';

function setup(publish: (channel: string, message: string) => Promise<number>) {
  const config = loadConfig({ ARBITER_REDIS_PREFIX: '{t}' });
  const users = { forget: jest.fn(), forgetAll: jest.fn() };
  const access = { forget: jest.fn(), forgetAll: jest.fn() };
  const apiKeys = { forget: jest.fn(), forgetAll: jest.fn() };
  const metrics = new ProcessMetrics();
  const invalidations = new AuthInvalidations(
    users as unknown as ActiveUsers,
    access as unknown as WorkspaceAccess,
    apiKeys as unknown as ApiKeyPrincipals,
    { connection: { publish: jest.fn(publish) } } as unknown as QueueProducer,
    config,
    metrics,
  );
  const unpublished = async () =>
    (await metrics.registry.getSingleMetric('arbiter_auth_invalidations_unpublished_total')?.get())
      ?.values;
  return { invalidations, users, access, apiKeys, unpublished };
}

describe('AuthInvalidations', () => {
  it.each<[AuthChange, 'users' | 'access' | 'apiKeys']>([
    [{ kind: 'user', id: USER }, 'users'],
    [{ kind: 'memberships', id: USER }, 'access'],
    [{ kind: 'apiKey', id: KEY }, 'apiKeys'],
  ])('forgets %j in its cache here and announces it on the channel', async (change, cache) => {
    const sent: [string, string][] = [];
    const s = setup(async (channel, message) => sent.push([channel, message]));
    await s.invalidations.publish(change);
    expect(s[cache].forget).toHaveBeenCalledWith(change.id);
    const others = (['users', 'access', 'apiKeys'] as const).filter((c) => c !== cache);
    for (const other of others) expect(s[other].forget).not.toHaveBeenCalled();
    expect(sent).toEqual([['{t}:auth-changed', JSON.stringify(change)]]);
  });

  it('a failed announcement still forgets here, does not throw, and is counted', async () => {
    const s = setup(async () => {
      throw new Error('Connection is closed.');
    });
    await expect(s.invalidations.publish({ kind: 'user', id: USER })).resolves.toBeUndefined();
    await s.invalidations.publish({ kind: 'apiKey', id: KEY });
    expect(s.users.forget).toHaveBeenCalledWith(USER);
    expect(s.apiKeys.forget).toHaveBeenCalledWith(KEY);
    expect(await s.unpublished()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { kind: 'user' }, value: 1 }),
        expect.objectContaining({ labels: { kind: 'apiKey' }, value: 1 }),
      ]),
    );
  });
});

describe('ApiKeyPrincipals', () => {
  const principal = (keyId: string): ApiKeyPrincipal => ({
    keyId,
    clientId: 'c1',
    clientName: 'bot',
    allowedPipelines: null,
    workspaceId: 'w1',
  });

  it('forgets one key by its id, keeping the others cached', async () => {
    const find = jest.fn(async (hash: string) => principal(`key-of-${hash}`));
    const principals = new ApiKeyPrincipals(
      { findPrincipalByKeyHash: find } as unknown as AccountRepository,
      loadConfig({ ARBITER_API_KEY_CACHE_TTL_MS: '60000' }),
    );
    await principals.lookup('h1');
    await principals.lookup('h2');
    principals.forget('key-of-h1');
    await principals.lookup('h1');
    await principals.lookup('h2');
    expect(find.mock.calls.map(([hash]) => hash)).toEqual(['h1', 'h2', 'h1']);
  });
});
