import { loadConfig } from '@arbiter/config';
import { ProcessMetrics } from '@arbiter/observability';
import { createRedisConnection, QueueProducer } from '@arbiter/queue';
import { AccountRepository, ApiKeyPrincipal } from './account.repository';
import { ActiveUsers } from './active-users.service';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { AuthChange } from './auth-change';
import { AuthInvalidations } from './auth-invalidations.service';
import { WorkspaceAccess } from './workspace-access.service';

// The subscriber's connection is the test's (a reconnection is played on it).
jest.mock('@arbiter/queue', () => ({
  ...jest.requireActual('@arbiter/queue'),
  createRedisConnection: jest.fn(),
}));

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

// ioredis emits 'ready' on a reconnection before it sends the SUBSCRIBE of its channels again:
// forgetting everything then left a gap in which a replica refilled its caches while an
// announcement could still be lost. Everything is forgotten once the subscription stands again.
describe('AuthInvalidations after a reconnection', () => {
  it('forgets everything once its channel is subscribed again, not at "ready"', async () => {
    const { EventEmitter } = await import('node:events');
    const subscribes: (() => void)[] = [];
    const subscriber = Object.assign(new EventEmitter(), {
      subscribe: jest.fn(() => new Promise<void>((resolve) => subscribes.push(resolve))),
      disconnect: jest.fn(),
    });
    jest
      .mocked(createRedisConnection)
      .mockReturnValue(subscriber as unknown as ReturnType<typeof createRedisConnection>);
    {
      const s = setup(async () => 1);
      const started = s.invalidations.onModuleInit();
      subscribes.shift()?.();
      await started;
      s.users.forgetAll.mockClear();

      subscriber.emit('ready'); // reconnected: the SUBSCRIBE is not through yet
      await new Promise((resolve) => setImmediate(resolve));
      expect(s.users.forgetAll).not.toHaveBeenCalled();
      subscribes.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
      expect(s.users.forgetAll).toHaveBeenCalledTimes(1);
      expect(s.access.forgetAll).toHaveBeenCalledTimes(1);
      expect(s.apiKeys.forgetAll).toHaveBeenCalledTimes(1);
    }
  });
});
