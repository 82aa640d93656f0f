import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const CONTEXT = 'The store opens at 9 am and closes at 9 pm. It is closed on Sundays.';
const ANSWER = 'The store opens at 9 am. It closes at 11 pm and is open on Sundays.';
const CONFLICTING = 'It closes at 11 pm and is open on Sundays.';

/**
 * The AI reviewer's problematic spans reach the desk as marks on the output: the reviewer who
 * gets an item after AI review sees which claim the AI found in conflict, and why, where the
 * words are, not only in the AI verdict's raw fields.
 */
describe('review desk: the AI reviewer’s flagged claims', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    // Every item goes to the embedded AI reviewer (aiReview 0, nothing auto-approved); a reject
    // goes on to people, who see its flagged claims.
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { providers: ['embedded'], onReject: 'human' },
        review: { queue: 'support', sla: '30m' },
      }),
    );
    await createUser(arbiter, 'rita@test.local', 'reviewer', ['support']);
    await submitForReview(arbiter, {
      input: { prompt: 'When is the store open?', context: [{ id: 'hours', text: CONTEXT }] },
      output: { text: ANSWER },
    });
    page = await newPage(browser, arbiter.http.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  it('marks the claim the AI reviewer found in conflict, with its reason in the mark', async () => {
    await logIn(page, 'rita@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await page.getByRole('button', { name: /Claim next/ }).click();
    const output = page.getByLabel('Output text');
    await expectText(output, ANSWER);
    await expectEventually(async () => {
      const titles = await output
        .locator('mark', { hasText: '11 pm' })
        .evaluateAll((marks) => marks.map((m) => m.getAttribute('title') ?? ''));
      expect(titles.join('\n')).toMatch(
        /AI reviewer \(embedded\): contradicts the context or changes a number; numbers not in the matching source sentence: 11/,
      );
    });
    // The whole conflicting claim is covered, not only the number.
    const covered = await output.locator('mark').evaluateAll((marks) =>
      marks
        .filter((m) => (m.getAttribute('title') ?? '').includes('AI reviewer'))
        .map((m) => m.textContent)
        .join(''),
    );
    expect(covered).toBe(CONFLICTING);
    await screenshot(page, 'desk-ai-review-spans');
  });
});
