import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrateDatabase } from '@arbiter/persistence';
import {
  deleteKeysWithPrefix,
  expectEventually,
  TEST_ADMIN,
  TEST_API_KEY,
  testConfig,
} from '@arbiter/testing';
import { QueueProducer } from '@arbiter/queue';
import { randomUUID } from 'node:crypto';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { policy, submissionBody } from '../support/fixtures';
import { HttpClient, HttpResult } from '../support/http.client';
import { TemporaryPostgres } from '../support/temporary-postgres';

/** A 503 that tells the caller to come back, and says nothing of the driver's error. */
function expectUnavailable(res: HttpResult): void {
  expect([res.status, res.body]).toEqual([
    503,
    expect.objectContaining({ statusCode: 503, error: 'Service Unavailable' }),
  ]);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|terminat|connect/i);
}

describe('a PostgreSQL outage is a 503 with Retry-After, never a 500', () => {
  let pg: TemporaryPostgres;
  let api: NestFastifyApplication;
  let http: HttpClient;
  let prefix: string;

  beforeAll(async () => {
    pg = await TemporaryPostgres.create();
    const url = pg.url('arbiter_outage');
    await migrateDatabase(url);
    prefix = `{t-${randomUUID().slice(0, 12)}}`;
    api = await createApiApp(testConfig(url, prefix));
    await api.listen(0, '127.0.0.1');
    http = new HttpClient(await api.getUrl());
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(api.get(QueueProducer).connection, prefix).catch(() => undefined);
    await api.close();
    await pg.destroy();
  });

  it('answers submissions, lookups and logins with 503 while the database is down, and recovers', async () => {
    const login = await http.post<{ accessToken: string }>('/v1/auth/login', TEST_ADMIN);
    expect(login.status).toBe(200);
    const token = login.body.accessToken;
    expect(
      (
        await http.put(
          `/v1/pipelines/support?activate=true`,
          { pipeline: 'support', ...policy() },
          { token },
        )
      ).status,
    ).toBe(200);
    const accepted = await http.post<{ id: string }>('/v1/submissions', submissionBody(), {
      token: TEST_API_KEY,
    });
    expect(accepted.status).toBe(202);

    await pg.stop();
    try {
      expect((await http.get('/health')).status).toBe(503);
      expectUnavailable(
        await http.post('/v1/submissions', submissionBody(), { token: TEST_API_KEY }),
      );
      expectUnavailable(
        await http.get(`/v1/submissions/${accepted.body.id}`, { token: TEST_API_KEY }),
      );
      expectUnavailable(await http.post('/v1/auth/login', TEST_ADMIN));
      // A key not in the key cache is looked up in the database: unknown, not invalid.
      expectUnavailable(
        await http.post('/v1/submissions', submissionBody(), {
          token: 'arb_never-seen-before-key',
        }),
      );
      expectUnavailable(await http.get('/v1/pipelines/support', { token }));
    } finally {
      await pg.start();
    }

    await expectEventually(
      async () => {
        const again = await http.post('/v1/submissions', submissionBody(), { token: TEST_API_KEY });
        expect(again.status).toBe(202);
      },
      20_000,
      200,
    );
    expect(
      (await http.get(`/v1/submissions/${accepted.body.id}`, { token: TEST_API_KEY })).status,
    ).toBe(200);
    expect((await http.post('/v1/auth/login', TEST_ADMIN)).status).toBe(200);
  });
});
