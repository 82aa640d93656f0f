import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

describe('admin: clients and API keys', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  it('issues a key shown once and stored hashed; the key works; revoked it stops', async () => {
    const token = await arbiter.adminAccessToken();
    const client = await arbiter.http.post<{ id: string }>(
      '/v1/clients',
      { name: 'claims-bot', allowedPipelines: ['support'] },
      { token },
    );
    expect(client.status).toBe(201);
    const created = await arbiter.http.post<{ id: string; key: string; prefix: string }>(
      '/v1/api-keys',
      { clientId: client.body.id, name: 'prod' },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^arb_/);

    const listed = await arbiter.http.get<Record<string, unknown>[]>('/v1/api-keys', { token });
    const mine = listed.body.find((k) => k.id === created.body.id)!;
    expect(mine).toMatchObject({ prefix: created.body.prefix, revokedAt: null });
    expect(mine).not.toHaveProperty('key');
    const [row] = await arbiter.db.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row.key_hash).not.toContain(created.body.key);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);

    const ok = await arbiter.http.post('/v1/submissions', submissionBody(), {
      token: created.body.key,
    });
    expect(ok.status).toBe(202);

    expect(
      (
        await arbiter.http.request('DELETE', `/v1/api-keys/${created.body.id}`, undefined, {
          token,
        })
      ).status,
    ).toBe(200);
    const revoked = await arbiter.http.post('/v1/submissions', submissionBody(), {
      token: created.body.key,
    });
    expect(revoked.status).toBe(401);
    expect(
      (
        await arbiter.http.request('DELETE', `/v1/api-keys/${created.body.id}`, undefined, {
          token,
        })
      ).status,
    ).toBe(404);
  });

  it('refuses bad bodies and non-admins', async () => {
    const token = await arbiter.adminAccessToken();
    const bad = await arbiter.http.post<{ message: string }>(
      '/v1/api-keys',
      { clientId: 'x', name: '' },
      { token },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/clientId must be a UUID/);
    const unknown = await arbiter.http.post(
      '/v1/api-keys',
      { clientId: '00000000-0000-4000-8000-000000000000', name: 'k' },
      { token },
    );
    expect(unknown.status).toBe(404);
    expect((await arbiter.http.get('/v1/clients', { token: arbiter.bootstrapKey })).status).toBe(
      401,
    );
  });
});

describe('pipelines loaded from ARBITER_PIPELINES_DIR at start', () => {
  let dir: string;
  let arbiter: ArbiterHarness;
  const yaml = (autoApprove: number) =>
    `pipeline: claims\nsignals: { grounding: { weight: 1 } }\nthresholds: { autoApprove: ${autoApprove}, aiReview: 0 }\nreview: { queue: claims, sla: 30m }\n`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-pipelines-'));
    writeFileSync(join(dir, 'claims.yaml'), yaml(0.9));
    writeFileSync(join(dir, 'README.md'), 'not a policy');
    arbiter = await ArbiterHarness.start({ worker: false, config: { pipelinesDir: dir } });
  });
  afterAll(async () => {
    await arbiter.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pipeline = async () =>
    (
      await arbiter.http.get<{ activeVersion: number; versions: { source: string }[] }>(
        '/v1/pipelines/claims',
        { token: await arbiter.adminAccessToken() },
      )
    ).body;

  it('applies each YAML file as the active version, recording the file as its source', async () => {
    const view = await pipeline();
    expect(view.activeVersion).toBe(1);
    expect(view.versions[0].source).toBe('file:claims.yaml');
  });

  it('a restart with an unchanged file adds nothing; a changed file becomes the new active version', async () => {
    const again = await createApiApp({ ...arbiter.config, port: 0 });
    await again.init();
    await again.close();
    expect((await pipeline()).activeVersion).toBe(1);

    writeFileSync(join(dir, 'claims.yaml'), yaml(0.8));
    const changed = await createApiApp({ ...arbiter.config, port: 0 });
    await changed.init();
    await changed.close();
    const view = await pipeline();
    expect(view.activeVersion).toBe(2);
    expect(view.versions).toHaveLength(2);
  });

  it('an invalid file stops the boot with the file name and the problem', async () => {
    writeFileSync(
      join(dir, 'broken.yaml'),
      'pipeline: broken\nthresholds: { autoApprove: 2, aiReview: 0 }\n',
    );
    const app = await createApiApp({ ...arbiter.config, port: 0 });
    await expect(app.init()).rejects.toThrow(
      /broken\.yaml: Invalid policy: thresholds\.autoApprove/,
    );
    await app.close().catch(() => undefined);
    rmSync(join(dir, 'broken.yaml'));
  });
});
