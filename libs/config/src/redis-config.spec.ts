import { ConfigError, loadConfig } from './load-config';

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
