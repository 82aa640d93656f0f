import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

describe('a lead browses a queue, read-only, with filters', () => {
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
        ...ALWAYS_HUMAN,
        review: {
          queue: 'support',
          sla: '30m',
          priorityRules: [{ field: 'tier', equals: 'gold', priority: 1 }],
        },
      }),
    );
    await createUser(arbiter, 'lena@test.local', 'lead', []);
    for (const [externalId, metadata] of [
      ['plain-1', {}],
      ['gold-1', { tier: 'gold' }],
      ['plain-2', {}],
    ] as const)
      await arbiter.http.post('/v1/submissions', submissionBody({ externalId, metadata }), {
        token: arbiter.bootstrapKey,
      });
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(3);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  it('lists the open tasks most urgent first, then only the urgent ones', async () => {
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'lena@test.local', PASSWORD);
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL('**/queues');
    const filters = page.getByRole('form', { name: 'Filters' });
    await expectText(filters.getByLabel('Queue'), /support/);
    await filters.getByRole('button', { name: 'Show tasks' }).click();

    const table = page.getByRole('table', { name: 'Tasks in support' });
    const rows = table.locator('tbody tr');
    await expectEventually(async () => expect(await rows.count()).toBe(3));
    await expectText(rows.first(), /^1.*waiting.*support v1.*gold-1/s);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'queue-browser');

    await filters.getByLabel('Priority at most').fill('1');
    await filters.getByRole('button', { name: 'Show tasks' }).click();
    await expectEventually(async () => expect(await rows.count()).toBe(1));
    await expectText(rows.first(), /gold-1/);

    // Read-only: nothing was claimed by looking.
    const claimed = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status <> 'pending'`);
    expect(claimed).toHaveLength(0);
    await page.context().close();
  });
});
