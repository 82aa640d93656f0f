import { ConfigError, loadConfig } from './load-config';
import { redisSocketPath } from './redis-config';

describe('ARBITER_REDIS_CLUSTER', () => {
  it('is off by default: one Redis at REDIS_URL', () => {
    expect(loadConfig({}).redisClusterNodes).toEqual([]);
  });

  it('reads comma-separated host:port seed nodes, IPv6 in brackets', () => {
    const config = loadConfig({
      ARBITER_REDIS_CLUSTER: '10.0.0.5:7000, redis-b.internal:7001,[::1]:7002',
    });
    expect(config.redisClusterNodes).toEqual([
      { host: '10.0.0.5', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
  });

  it.each<[Record<string, string>, RegExp]>([
    [
      { ARBITER_REDIS_CLUSTER: '10.0.0.5' },
      /ARBITER_REDIS_CLUSTER entry "10.0.0.5" is not a host:port/,
    ],
    [{ ARBITER_REDIS_CLUSTER: 'a:0' }, /ARBITER_REDIS_CLUSTER entry "a:0"/],
    [{ ARBITER_REDIS_CLUSTER: 'a:70000' }, /ARBITER_REDIS_CLUSTER entry "a:70000"/],
    [{ ARBITER_REDIS_CLUSTER: 'bad host:7000' }, /ARBITER_REDIS_CLUSTER entry "bad host:7000"/],
    [
      { ARBITER_REDIS_CLUSTER: 'a:7000', ARBITER_REDIS_PREFIX: 'arbiter' },
      /ARBITER_REDIS_PREFIX must contain a hash tag/,
    ],
    [
      { ARBITER_REDIS_CLUSTER: 'a:7000', REDIS_URL: 'redis://a:7000/2' },
      /REDIS_URL must not name a database other than 0/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts database 0 in REDIS_URL with a cluster (user, password and TLS still apply)', () => {
    const config = loadConfig({
      ARBITER_REDIS_CLUSTER: 'a:7000',
      REDIS_URL: 'rediss://arbiter:secret@a:7000/0',
    });
    expect(config.redisClusterNodes).toEqual([{ host: 'a', port: 7000 }]);
  });
});

describe('REDIS_URL through a Unix socket', () => {
  it('takes unix:///path (a Redis on the same host, no TCP)', () => {
    const config = loadConfig({ REDIS_URL: 'unix:///run/redis/redis.sock' });
    expect(redisSocketPath(config.redisUrl)).toBe('/run/redis/redis.sock');
    expect(redisSocketPath('redis://127.0.0.1:6379')).toBeNull();
  });

  it.each([
    'unix://host/run/redis.sock',
    'unix://user@host/run/redis.sock',
    'unix:///run/redis.sock?db=2',
    'unix:///',
  ])('refuses %s: a socket path only', (url) => {
    expect(() => loadConfig({ REDIS_URL: url })).toThrow(
      /REDIS_URL with unix: names a socket path only/,
    );
  });

  it('refuses a socket with ARBITER_REDIS_CLUSTER', () => {
    expect(() =>
      loadConfig({
        REDIS_URL: 'unix:///run/redis.sock',
        ARBITER_REDIS_CLUSTER: 'a:7000',
        ARBITER_REDIS_PREFIX: '{arbiter}',
      }),
    ).toThrow(/REDIS_URL must not be a unix: socket with ARBITER_REDIS_CLUSTER/);
  });
});
