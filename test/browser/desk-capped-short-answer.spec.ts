import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const CONTEXT = 'A dental check-up costs RM80 and scaling costs RM120.';
const SWAPPED = 'A check-up is RM120 and scaling is RM80.';

/**
 * A short answer the short-answer path capped (its figures swapped between the two services)
 * reaches the desk with a confidence near 0: the reviewer sees which figure capped it and why,
 * marked on the output and given as a routing reason, not only the number.
 */
describe('review desk: why a short answer was capped', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    // No `signals:`: every signal the fitted models read, which the short-answer model needs.
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        signals: undefined,
        scoring: { shortAnswers: true },
        review: { queue: 'support', sla: '30m' },
      }),
    );
    await createUser(arbiter, 'rita@test.local', 'reviewer', ['support']);
    await submitForReview(arbiter, {
      input: {
        prompt: 'How much are a check-up and scaling?',
        context: [{ id: 'fees', text: CONTEXT }],
      },
      output: { text: SWAPPED },
    });
    page = await newPage(browser, arbiter.http.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  it('marks the swapped figure and says in "Why it is here" that the cap set the confidence', async () => {
    await logIn(page, 'rita@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await page.getByRole('button', { name: /Claim next/ }).click();
    const output = page.getByLabel('Output text');
    await expectText(output, SWAPPED);
    const capped = output.locator('mark', { hasText: '120' });
    await expectEventually(async () =>
      expect(await capped.first().getAttribute('title')).toMatch(
        /contradiction: swapped \("120" caps this short answer at 0\.03\)/,
      ),
    );
    // "Why it is here" gives the cap and its cause beside the band, not only a low confidence.
    const why = page.getByRole('region', { name: 'Why it is here' });
    await expectText(why, /confidence\.low/);
    await expectText(
      why,
      /score\.capped The model's confidence is capped at 0\.03 because the answer contradicts its context: swapped \("120", "80"\)\./,
    );
    await screenshot(page, 'desk-capped-short-answer');
  });
});
