import { loadConfig } from '@arbiter/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';

interface PromptView {
  labels: Record<string, { version: number }>;
  versions: { version: number; source: string; languages: string[] }[];
}

/** Prompts kept in git: ARBITER_PROMPTS_DIR applied at every start, like pipelines. */
describe('prompts loaded from ARBITER_PROMPTS_DIR at start', () => {
  let dir: string;
  let arbiter: ArbiterHarness;
  const yaml = (greeting: string) => `template:
  defaultLanguage: en
  variants:
    en:
      - role: system
        content: "${greeting} {{name}}."
    ms:
      - role: system
        content: "Selamat datang {{name}}."
variables:
  type: object
  properties: { name: { type: string } }
  required: [name]
model: { provider: gen, model: fake-gen }
labels: [production]
`;
  const restart = async () => {
    const app = await createApiApp({ ...arbiter.config, port: 0 });
    await app.init();
    await app.close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbiter-prompts-'));
    writeFileSync(join(dir, 'welcome.yaml'), yaml('Welcome'));
    writeFileSync(join(dir, 'notes.txt'), 'not a prompt');
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: { prompts: { ...loadConfig({}).prompts, dir } },
    });
  });
  afterAll(async () => {
    await arbiter.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const view = async () =>
    (
      await arbiter.http.get<PromptView>('/v1/prompts/welcome', {
        token: await arbiter.adminAccessToken(),
      })
    ).body;

  it('applies each YAML file as a version with its labels, recording the file as its source', async () => {
    const v = await view();
    expect(v.versions).toEqual([
      expect.objectContaining({ version: 1, source: 'file:welcome.yaml', languages: ['en', 'ms'] }),
    ]);
    expect(v.labels.production.version).toBe(1);
    const resolved = await arbiter.http.post<{ messages: { content: string }[] }>(
      '/v1/prompts/welcome/resolve',
      { variables: { name: 'Ana' }, language: 'ms' },
      { token: arbiter.bootstrapKey },
    );
    expect(resolved.body.messages[0].content).toBe('Selamat datang Ana.');
  });

  it('an unchanged file adds and moves nothing (a rollback survives a restart); a changed one adds a version and moves its labels', async () => {
    const admin = { token: await arbiter.adminAccessToken() };
    writeFileSync(join(dir, 'welcome.yaml'), yaml('Hello'));
    await restart();
    expect((await view()).labels.production.version).toBe(2);
    // As an automatic rollback would: production back to 1; a restart with the same file leaves it there.
    await arbiter.http.put(
      '/v1/prompts/welcome/labels/production',
      { version: 1, reason: 'rolled back' },
      admin,
    );
    await restart();
    const v = await view();
    expect(v.versions).toHaveLength(2);
    expect(v.labels.production.version).toBe(1);
  });

  it('an invalid file stops the boot with the file name and the field', async () => {
    writeFileSync(join(dir, 'broken.yaml'), yaml('Hi {{#name}}'));
    const app = await createApiApp({ ...arbiter.config, port: 0 });
    await expect(app.init()).rejects.toThrow(
      /broken\.yaml: template\.variants\.en\[0\]\.content: template syntax error/,
    );
    await app.close().catch(() => undefined);
    rmSync(join(dir, 'broken.yaml'));
  });
});
