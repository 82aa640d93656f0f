import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  TEST_ADMIN,
  TEST_API_KEY,
  createTestDatabase,
  dropTestDatabase,
  expectEventually,
  testConfig,
} from '@arbiter/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { policy, submissionBody } from '../support/fixtures';
import { HttpClient } from '../support/http.client';
import { TemporaryRedis } from '../support/temporary-redis';

describe('a Redis outage: a 503 with Retry-After where a request needs Redis, intake still accepts; never a 500 or a hang', () => {
  let redis: TemporaryRedis;
  let api: NestFastifyApplication;
  let http: HttpClient;
  let database: string;

  beforeAll(async () => {
    redis = await TemporaryRedis.create();
    database = `arbiter_redis_outage_${process.pid}`;
    const url = await createTestDatabase(database);
    api = await createApiApp({ ...testConfig(url, '{redis-outage}'), redisUrl: redis.url });
    await api.listen(0, '127.0.0.1');
    http = new HttpClient(await api.getUrl());
  });
  afterAll(async () => {
    await api.close();
    redis.destroy();
    await dropTestDatabase(database);
  });

  it('logins answer 503 while Redis is down (their throttle lives there) and work again after', async () => {
    const login = await http.post<{ accessToken: string }>('/v1/auth/login', TEST_ADMIN);
    expect(login.status).toBe(200);
    const token = login.body.accessToken;
    expect(
      (
        await http.put(
          '/v1/pipelines/support?activate=true',
          { pipeline: 'support', ...policy() },
          { token },
        )
      ).status,
    ).toBe(200);

    redis.stop();
    const during = await http.post('/v1/auth/login', TEST_ADMIN);
    expect([during.status, during.body]).toEqual([
      503,
      expect.objectContaining({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The queue store is unavailable; retry later',
      }),
    ]);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    // Intake keeps its promise without Redis: the row is committed, recovery enqueues it later.
    const submitted = await http.post('/v1/submissions', submissionBody(), { token: TEST_API_KEY });
    expect(submitted.status).toBe(202);

    await redis.start();
    await expectEventually(
      async () => expect((await http.post('/v1/auth/login', TEST_ADMIN)).status).toBe(200),
      15_000,
    );
  });
});
