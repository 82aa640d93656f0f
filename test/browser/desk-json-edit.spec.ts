import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

describe('review desk: editing a JSON output points at the fault', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({ thresholds: { autoApprove: 1, aiReview: 1 }, review: { queue: 'support' } }),
    );
    await createUser(arbiter, 'jo@test.local', 'reviewer', ['support']);
    await submitForReview(arbiter, { output: { json: { answer: 'Paris' } } });
    page = await newPage(browser, arbiter.http.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  it('a bad escape is shown at its own line and column, not at the end of the text', async () => {
    await page.goto('/');
    await logIn(page, 'jo@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await page.getByRole('button', { name: /Claim next/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Edited output').fill('{"answer": "Pa\\xris"}');
    await expectText(
      page.locator('#json-problem'),
      /Not valid JSON at line 1, column 16:\s*bad escape in string/,
    );
    await screenshot(page, 'desk-json-problem');
  });
});
