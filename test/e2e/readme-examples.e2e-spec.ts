import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@arbiter/config';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ReadmeStep, readmeSteps } from '../support/readme-examples';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = '## The API by example';
/** States a submission passes through before the route the README promises is known. */
const UNSETTLED = ['received', 'scoring', 'ai_review'];

/** The demo's credentials, read from the script that `npm run demo` runs. */
function demoSetting(name: string): string {
  const script = readFileSync(join(ROOT, 'scripts/demo.sh'), 'utf8');
  const match = new RegExp(`^export ${name}=(\\S+)$`, 'm').exec(script);
  if (!match) throw new Error(`scripts/demo.sh sets no ${name}`);
  return match[1];
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  vars: Record<string, string>;
}

/**
 * Runs one README command as written, in bash, with the demo's address swapped for this test's
 * api and `<id>` for the previous answer's id. curl writes its status to stderr; variables the
 * command assigns (TOKEN=…) carry over to the next commands.
 */
async function runStep(
  step: ReadmeStep,
  base: string,
  env: Record<string, string>,
  previousId: string | undefined,
): Promise<Answer> {
  const assigned = [...step.command.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]);
  const command = step.command
    .replaceAll('http://127.0.0.1:3000', base)
    .replaceAll('localhost:3000', base)
    .replaceAll('<id>', previousId ?? '<no id in the previous answer>');
  const script = [
    `curl() { command curl -w '%{stderr}\\n@@status %{http_code}\\n' "$@"; }`,
    command,
    ...assigned.map((name) => `printf '\\n@@var ${name}=%s\\n' "$${name}" >&2`),
  ].join('\n');
  const { stdout, stderr } = await run('bash', ['-c', script], {
    env: { ...process.env, ...env },
    timeout: 20_000,
  });
  const statuses = [...stderr.matchAll(/^@@status (\d{3})$/gm)].map((m) => Number(m[1]));
  const vars = Object.fromEntries(
    [...stderr.matchAll(/^@@var ([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  // With -i the answer starts with the headers: the body is after the last blank line of them.
  const text = stdout.startsWith('HTTP/')
    ? stdout.slice(stdout.lastIndexOf('\r\n\r\n') + 4)
    : stdout;
  let body: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: statuses[statuses.length - 1] ?? 0, body, vars };
}

describe('README: the API examples and the demo traffic do what the README says', () => {
  let arbiter: ArbiterHarness;
  const apiKey = demoSetting('ARBITER_BOOTSTRAP_API_KEY');

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      config: {
        pipelinesDir: join(ROOT, demoSetting('ARBITER_PIPELINES_DIR')),
        bootstrap: {
          apiKey,
          adminEmail: demoSetting('ARBITER_BOOTSTRAP_ADMIN_EMAIL'),
          adminPassword: demoSetting('ARBITER_BOOTSTRAP_ADMIN_PASSWORD'),
        },
        // The webhook example's example.com is public, but a test machine may have no DNS:
        // allow-listing it skips only the lookup (nothing is ever delivered to it here).
        webhooks: { ...loadConfig({}).webhooks, allowHosts: ['example.com'] },
      },
    });
  });
  afterAll(() => arbiter.stop());

  /** The submission's route once it has left scoring and AI review. */
  async function settledRoute(answer: Record<string, unknown>): Promise<string | undefined> {
    const id = String(answer.id);
    let view = answer;
    await expectEventually(async () => {
      if (!UNSETTLED.includes(String(view.status))) return;
      view = (
        await arbiter.http.get<Record<string, unknown>>(`/v1/submissions/${id}`, { token: apiKey })
      ).body;
      if (UNSETTLED.includes(String(view.status)))
        throw new Error(`submission ${id} still ${String(view.status)}`);
    }, 20_000);
    return (view.decision as { route?: string } | null)?.route;
  }

  it('runs each example in order and gets its status and route', async () => {
    const steps = readmeSteps(README, SECTION);
    const requests = steps.filter((s) => s.expect);
    expect(requests.length).toBeGreaterThanOrEqual(20);
    expect(requests[0].expect?.route).toBe('approved');

    const base = await arbiter.api.getUrl();
    const env: Record<string, string> = {};
    const differences: string[] = [];
    let previousId: string | undefined;
    for (const step of steps) {
      const answer = await runStep(step, base, env, previousId);
      Object.assign(env, answer.vars);
      const expected = step.expect;
      if (expected && answer.status !== expected.status) {
        differences.push(
          `README line ${step.line}: status ${answer.status}, README says ${expected.status}; answer ${JSON.stringify(answer.body)?.slice(0, 300)}`,
        );
      }
      if (expected?.route) {
        const route = answer.body?.id ? await settledRoute(answer.body) : undefined;
        if (route !== expected.route)
          differences.push(
            `README line ${step.line}: route ${route}, README says ${expected.route}`,
          );
      }
      if (typeof answer.body?.id === 'string') previousId = answer.body.id;
    }
    expect(env.TOKEN).toMatch(/^ey/);
    expect(differences).toEqual([]);
  });

  it('npm run demo:traffic sends rate × duration items and prints where each went', async () => {
    const base = await arbiter.api.getUrl();
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const args = [
      'scripts/demo-traffic.ts',
      '--base',
      base,
      '--key',
      apiKey,
      '--rate',
      '10',
      '--duration',
      '2',
    ];
    const { stdout } = await run(tsx, args, { cwd: ROOT, timeout: 50_000 });

    const all = /^all\s+(\d+)\s+(.*)$/m.exec(stdout);
    expect(all?.[1]).toBe('20');
    const shares = /^route shares: (.*)$/m.exec(stdout)?.[1] ?? '';
    const percents = [...shares.matchAll(/(approved|rejected|ai_review|human_review) ([\d.]+)%/g)];
    expect(percents.map((m) => m[1])).toEqual([
      'approved',
      'rejected',
      'ai_review',
      'human_review',
    ]);
    // Every item was routed (none left unsettled), so the four shares make the whole.
    expect(percents.reduce((sum, m) => sum + Number(m[2]), 0)).toBeCloseTo(100, 0);
    expect(stdout).not.toMatch(/refused/);
    const [submitted] = await arbiter.db.query(
      `SELECT count(*)::int AS n FROM submissions WHERE metadata->>'source' = 'demo-traffic'`,
    );
    expect(submitted.n).toBe(20);
  }, 60_000);
});
