import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

describe('lead dashboard: live queue counts; the api serves the UI beside /v1', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 1 },
        review: { queue: 'support', sla: '30m' },
      }),
    );
    await createUser(arbiter, 'lena@test.local', 'lead', []);
    page = await newPage(browser, arbiter.http.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const submit = () =>
    arbiter.http.post('/v1/submissions', submissionBody(), { token: arbiter.bootstrapKey });
  const pendingTasks = (n: number) =>
    expectEventually(async () => {
      const [{ count }] = await arbiter.db.query(
        `SELECT count(*)::int AS count FROM review_tasks WHERE status = 'pending'`,
      );
      expect(count).toBe(n);
    });

  it('a lead lands on the dashboard and sees a new submission arrive without reloading', async () => {
    await submit();
    await pendingTasks(1);
    await logIn(page, 'lena@test.local', PASSWORD);
    await page.waitForURL('**/dashboard');
    await expectText(page.getByLabel('support waiting'), '1');
    await page.evaluate(
      () => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true),
    );

    await submit();
    await submit();
    await pendingTasks(3);
    await expectText(page.getByLabel('support waiting'), '3');
    await expectText(page.getByLabel('Waiting', { exact: true }), '3');
    expect(
      await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    await screenshot(page, 'lead-dashboard');
  });

  it('leads can open the review desk too; reviewers never see the dashboard link', async () => {
    await page.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL('**/review');
    await expectText(page.getByLabel('support waiting'), '3');
    await createUser(arbiter, 'rob@test.local', 'reviewer', ['support']);
    const reviewer = await newPage(browser, arbiter.http.baseUrl);
    await logIn(reviewer, 'rob@test.local', PASSWORD);
    await reviewer.waitForURL('**/review');
    expect(await reviewer.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
    await reviewer.goto('/dashboard');
    await reviewer.waitForURL('**/review');
    await reviewer.context().close();
  });

  it('deep links get the app shell; API paths keep their own 404s; assets are cached for good', async () => {
    const shell = await fetch(`${arbiter.http.baseUrl}/dashboard`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toMatch(/text\/html/);
    expect(await shell.text()).toContain('<div id="root">');
    const apiMiss = await fetch(`${arbiter.http.baseUrl}/v1/nothing-here`);
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${arbiter.http.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${arbiter.http.baseUrl}/assets/missing.js`)).status).toBe(404);
    const html = await (await fetch(`${arbiter.http.baseUrl}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const res = await fetch(`${arbiter.http.baseUrl}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });
});
