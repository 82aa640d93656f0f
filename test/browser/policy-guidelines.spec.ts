import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const policyText = (autoApprove: number, guidelines: string[] = []) =>
  [
    'pipeline: support',
    'signals:',
    '  grounding: { weight: 1 }',
    'thresholds:',
    `  autoApprove: ${autoApprove}`, // line 5
    '  aiReview: 1',
    'review:',
    '  queue: support',
    '  sla: 30m',
    ...(guidelines.length ? ['  guidelines: |', ...guidelines.map((l) => `    ${l}`)] : []),
  ].join('\n');

const GUIDELINES = [
  'Approve only answers the context supports.',
  'Reject any promise of a refund (reason: inaccurate).',
];

describe('an admin writes a policy checked as they type, with guidelines the desk then shows', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy('support', policy({ ...ALWAYS_HUMAN }));
    await createUser(arbiter, 'gina@test.local', 'reviewer', ['support']);
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const versionsStored = async () =>
    (await arbiter.db.query(`SELECT version FROM policy_versions ORDER BY version`)).length;

  it('shows each problem at its line as the admin types, stores nothing until saved, then saves', async () => {
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, 'admin@test.local', 'admin-password-1');
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL('**/admin');
    await page.getByLabel('Pipeline key').fill('support');
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    const editor = page.getByLabel('Policy (YAML)');
    const verdict = page.getByTestId('policy-verdict');
    await expectText(verdict, /Valid/);
    await editor.fill(policyText(2));
    await expectText(verdict, /1 problem/);
    const problem = page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
    await expectText(problem, /Line 5, column 3\s*thresholds\.autoApprove\s.*between 0 and 1/);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'admin-policy-check-problem');

    // The problem's place is one click away: the caret lands on the line it names.
    await problem.getByRole('button', { name: 'Line 5, column 3' }).click();
    // Browser-side code as a string: the Node-side tsconfig has no DOM types.
    const caret = await page.evaluate(
      `(() => { const el = document.activeElement; return { tag: el.tagName, line: el.value.slice(0, el.selectionStart).split('\\n').length }; })()`,
    );
    expect(caret).toEqual({ tag: 'TEXTAREA', line: 5 });
    expect(await versionsStored()).toBe(1);

    await editor.fill(policyText(1, GUIDELINES));
    await expectText(verdict, /Valid/);
    expect(await editor.getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Activate it at once').check();
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expectText(page.getByRole('status'), 'Saved as version 2 and activated.');
    expect(await versionsStored()).toBe(2);
    await page.context().close();
  });

  it("the desk shows the pipeline's guidelines beside the task; G folds them away", async () => {
    await arbiter.http.post('/v1/submissions', submissionBody(), { token: arbiter.bootstrapKey });
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(1);
    });
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, 'gina@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await expectText(page.getByLabel('support waiting'), '1');
    await page.keyboard.press('n');

    const panel = page.getByRole('region', { name: /^Guidelines/ });
    const text = panel.getByTestId('guidelines');
    await expectText(text, GUIDELINES.join('\n'));
    expect(await text.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desk-guidelines');

    await page.keyboard.press('g');
    await expectEventually(async () => expect(await text.isVisible()).toBe(false));
    await page.keyboard.press('g');
    await expectEventually(async () => expect(await text.isVisible()).toBe(true));
    await page.context().close();
  });
});
