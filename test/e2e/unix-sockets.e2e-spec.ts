import { createDataSource, ensureDatabase } from '@arbiter/persistence';
import { spawnSync } from 'node:child_process';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { TemporaryRedis } from '../support/temporary-redis';

const POSTGRES_SOCKET_DIR = '/var/run/postgresql';

/**
 * Redis and PostgreSQL on the same host, reached through their Unix sockets instead of TCP
 * (REDIS_URL=unix:///path, DATABASE_URL=…?host=/socket/dir): fewer system calls per round trip.
 */
describe('Unix sockets for Redis and PostgreSQL', () => {
  let redis: TemporaryRedis;
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    redis = await TemporaryRedis.create();
    arbiter = await ArbiterHarness.start({ config: { redisUrl: redis.socketUrl } });
  });
  afterAll(async () => {
    await arbiter?.stop();
    redis?.destroy();
  });

  it('intake, scoring and the routed wait run with Redis on its socket', async () => {
    await arbiter.putPolicy('support', policy());
    const res = await arbiter.http.post<{ status: string }>(
      '/v1/submissions?wait=10000',
      submissionBody(),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    // Nothing of it went to the shared Redis on TCP: the socket's Redis holds the queue keys.
    const { stdout } = spawnSync('redis-cli', [
      '-s',
      new URL(redis.socketUrl).pathname,
      '--scan',
      '--pattern',
      '*score*',
    ]);
    expect(String(stdout)).toMatch(/score/);
  });

  // Debian's PostgreSQL (this machine's and CI's) listens on /var/run/postgresql too.
  it('a DATABASE_URL with ?host=<socket dir> reaches PostgreSQL over its socket', async () => {
    const tcp = new URL(arbiter.config.databaseUrl);
    const url = `postgres://${tcp.username}@localhost${tcp.pathname}?host=${POSTGRES_SOCKET_DIR}`;
    await ensureDatabase(url);
    const db = createDataSource(url, 1);
    await db.initialize();
    try {
      const [row] = await db.query(
        `SELECT inet_server_addr() AS address, current_database() AS name`,
      );
      expect(row).toEqual({ address: null, name: tcp.pathname.slice(1) });
    } finally {
      await db.destroy();
    }
  });
});
