import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { HttpClient } from '../support/http.client';

describe('per-client quotas: requests per second per API key, across replicas', () => {
  let arbiter: ArbiterHarness;
  let second: NestFastifyApplication;
  let replica: HttpClient;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    // A second api replica on the same database and Redis.
    second = await createApiApp(arbiter.config);
    await second.listen(0, '127.0.0.1');
    replica = new HttpClient(await second.getUrl());
  });
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });
  afterAll(async () => {
    await second.close();
    await arbiter.stop();
  });

  async function clientWithRate(
    name: string,
    requestsPerSecond: number | null,
  ): Promise<{ id: string; key: string }> {
    const token = await arbiter.adminAccessToken();
    const created = await arbiter.http.post<{ id: string }>('/v1/clients', { name }, { token });
    const key = await arbiter.http.post<{ key: string }>(
      '/v1/api-keys',
      { clientId: created.body.id, name: 'main' },
      { token },
    );
    const set = await arbiter.http.put(
      `/v1/clients/${created.body.id}/quota`,
      { requestsPerSecond },
      { token },
    );
    expect(set.status).toBe(200);
    return { id: created.body.id, key: key.body.key };
  }

  it('a client over its rate gets 429 with Retry-After, counted across both replicas', async () => {
    const { key } = await clientWithRate('limited-bot', 3);
    const startedSecond = Math.floor(Date.now() / 1000);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? replica : arbiter.http).post('/v1/submissions', submissionBody(), { token: key }),
      ),
    );
    // Fixed one-second windows, shared by both replicas: at most the rate in each window the burst
    // touched (two on a quiet machine; more when a loaded machine stretches the burst).
    const windows = Math.floor(Date.now() / 1000) - startedSecond + 1;
    const accepted = answers.filter((a) => a.status === 202).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(3 * windows);
    expect(refused.length).toBe(30 - accepted);
    expect(refused.every((r) => Number(r.headers.get('retry-after')) >= 1)).toBe(true);
  });

  it('the rate is per client: another client, and a client with no rate, are not limited', async () => {
    await clientWithRate('limited-bot', 1);
    const { key } = await clientWithRate('busy-bot', null);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        arbiter.http.post('/v1/submissions', submissionBody(), { token: key }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
  });

  it('a rate must be a positive integer or null', async () => {
    const token = await arbiter.adminAccessToken();
    const { id } = await clientWithRate('bot', null);
    for (const bad of [0, -1, 1.5, 'ten']) {
      expect(
        (await arbiter.http.put(`/v1/clients/${id}/quota`, { requestsPerSecond: bad }, { token }))
          .status,
      ).toBe(400);
    }
  });
});
