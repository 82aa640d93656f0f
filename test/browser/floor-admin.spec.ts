import { AuditLog } from '@arbiter/audit';
import { expectEventually } from '@arbiter/testing';
import { readFile } from 'node:fs/promises';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

describe("the lead's floor charts live figures; an admin manages policy versions and users", () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', sla: '30m' } }),
    );
    await createUser(arbiter, 'lena@test.local', 'lead', []);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const pending = (n: number) =>
    expectEventually(async () => {
      const [{ count }] = await arbiter.db.query(
        `SELECT count(*)::int AS count FROM review_tasks WHERE status = 'pending'`,
      );
      expect(count).toBe(n);
    });

  it('the backlog chart takes a new submission within 2 s of its task reaching the floor', async () => {
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'lena@test.local', PASSWORD);
    await page.waitForURL('**/dashboard');
    const backlog = page.getByRole('figure').filter({ hasText: 'Backlog over time (live)' });
    await expectText(backlog.locator('[data-series="Backlog waiting"]'), /Backlog waiting\s*0/);
    await arbiter.http.post('/v1/submissions', submissionBody(), { token: arbiter.bootstrapKey });
    await pending(1);
    // The acceptance figure of issue 17: from the task's commit to the chart, at most 2 s.
    await expectText(
      backlog.locator('[data-series="Backlog waiting"]'),
      /Backlog waiting\s*1/,
      2000,
    );
    expect(await backlog.locator('svg polyline').count()).toBe(2);
    // Flow figures come from the stats rollups (every 10 s by default), re-read on the next push or within 30 s.
    await expectText(
      page
        .getByRole('figure')
        .filter({ hasText: 'Arrivals and decisions per minute' })
        .locator('[data-series="Arrivals"]'),
      /Arrivals\s*[1-9]/,
      45_000,
    );
    await expectText(
      page.getByLabel('Oversight').locator('[data-pipeline="support"]'),
      /closed: automation on/,
      45_000,
    );
    await screenshot(page, 'floor-charts');
    await page.context().close();
  });

  it('an admin activates a second version, rolls it back, and creates a user', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', sla: '45m' } }),
      false,
    );
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'admin@test.local', 'admin-password-1');
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL('**/admin');
    await page.getByLabel('Pipeline key').fill('support');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const active = page.getByTestId('active-version');
    await expectText(active, 'v1');
    await expectText(page.getByLabel('Diff v1 to v1'), /The two versions are the same/);
    await page.getByRole('button', { name: 'View v2' }).click();
    await expectText(page.getByLabel('Diff v1 to v2'), /removed: .*30m.*added: .*45m/s);

    await page.getByRole('button', { name: 'Activate v2' }).click();
    await expectText(active, 'v2');
    await expectText(page.getByRole('status'), 'Version 2 is active.');
    const activeVersion = async () =>
      (
        await arbiter.http.get<{ activeVersion: number }>('/v1/pipelines/support', {
          token: await arbiter.adminAccessToken(),
        })
      ).body.activeVersion;
    expect(await activeVersion()).toBe(2);
    await screenshot(page, 'admin-pipeline-activated');

    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await expectText(active, 'v1');
    expect(await activeVersion()).toBe(1);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/admin/users');
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Email').fill('newbie@test.local');
    await form.getByLabel('Password').fill('newbie-pass-1');
    await form.getByRole('combobox', { name: /^Role/ }).selectOption('reviewer');
    await form.getByLabel('Queues (comma-separated)').fill('support');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expectText(page.getByRole('status'), 'Created newbie@test.local (reviewer).');
    await expectText(
      page.locator('[data-user="newbie@test.local"]'),
      /newbie@test\.local.*support.*active/,
    );
    const [row] = await arbiter.db.query(`SELECT role FROM users WHERE email = $1`, [
      'newbie@test.local',
    ]);
    expect(row).toMatchObject({ role: 'reviewer' });
    await screenshot(page, 'admin-users');

    // A call in flight: announced, its answer not come yet (as a server that stopped leaves it).
    const [{ id: adminId }] = await arbiter.db.query(`SELECT id FROM users WHERE email = $1`, [
      'admin@test.local',
    ]);
    const audit = arbiter.api.get(AuditLog);
    const inFlight = await audit.announce({
      actor: { id: adminId, role: 'admin' },
      action: 'pipeline.split',
      target: { kind: 'pipeline', id: 'support' },
      request: { body: { version: 2, percent: 10 } },
    });

    // Each of those changes is in the audit log, newest first, with who made it.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit');
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await expectText(
      entries.locator('tbody tr').first(),
      /admin@test\.local.*user\.create.*created.*newbie@test\.local/s,
    );
    const actions = await entries
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit-action')));
    expect(actions.slice(0, 3)).toEqual(['user.create', 'pipeline.rollback', 'pipeline.activate']);
    // Above them, the call in flight, flagged pending; it is not an entry (yet).
    await expectText(
      page.getByRole('table', { name: 'Calls in flight' }).locator('tbody tr'),
      /admin@test\.local.*pipeline\.split.*pending.*pipeline.*support/s,
    );
    expect(actions).not.toContain('pipeline.split');
    await screenshot(page, 'admin-audit-log');

    // The export holds the call in flight only when asked: first, marked pending, under its id.
    const exportLines = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export (JSON Lines)' }).click(),
      ]);
      const text = await readFile(await download.path(), 'utf8');
      return text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; action: string; status: string });
    };
    const entriesOnly = await exportLines();
    expect(entriesOnly.map((l) => l.status)).not.toContain('pending');
    await expectText(page.getByRole('status'), `Exported ${entriesOnly.length} entries.`);
    await page.getByRole('checkbox', { name: 'Include in-flight calls' }).check();
    const withPending = await exportLines();
    expect(withPending[0]).toMatchObject({
      id: inFlight,
      action: 'pipeline.split',
      status: 'pending',
      after: null,
    });
    expect(withPending.filter((l) => l.status === 'pending')).toHaveLength(1);
    await expectText(
      page.getByRole('status'),
      `Exported ${withPending.length - 1} entries and 1 call in flight.`,
    );
    await audit.withdraw(inFlight);
  });
});
