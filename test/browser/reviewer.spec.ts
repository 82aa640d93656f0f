import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const OUTPUTS = {
  approve: 'The capital of France is Paris.',
  reject: 'The capital of France is Lyon, guaranteed.',
  edit: 'Paris is the capital of France and its largest city.',
};

describe('reviewer UI: log in, claim, read the evidence, approve, reject, edit', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 1 },
        validators: [
          { type: 'phrases', deny: [{ phrase: 'guaranteed', suggest: 'likely' }], onFail: 'flag' },
        ],
        review: {
          queue: 'support',
          sla: '30m',
          escalateTo: 'leads',
          reasonCodes: ['inaccurate', 'tone', 'unsupported-claim'],
        },
      }),
    );
    await createUser(arbiter, 'rita@test.local', 'reviewer', ['support']);
    // One at a time: within a priority, tasks are served in the order they reach the queue,
    // and scoring runs in parallel, so the tests wait for each task before the next submission.
    for (const [key, text] of Object.entries(OUTPUTS)) {
      ids[key] = await submitForReview(arbiter, { output: { text }, externalId: `ticket-${key}` });
    }
    page = await newPage(browser, arbiter.http.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const outputText = () => page.getByLabel('Output text');
  const submission = async (key: string) =>
    (
      await arbiter.db.query(`SELECT status, decision FROM submissions WHERE id = $1`, [ids[key]])
    )[0];
  const decisionRow = async (key: string) =>
    (
      await arbiter.db.query(
        `SELECT action, reason_codes, comment, edited_output FROM review_decisions WHERE submission_id = $1`,
        [ids[key]],
      )
    )[0];

  it('logs in and shows the queue with its live count', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'login');
    await logIn(page, 'rita@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await expectText(page.getByLabel('support waiting'), '3');
    await expectText(page.getByRole('button', { name: /Claim next/ }), /^Claim next \(3 waiting\)/);
    await screenshot(page, 'reviewer-queue');
  });

  it('claims the oldest task and shows its evidence, deadline and lease', async () => {
    await page.getByRole('button', { name: /Claim next/ }).click();
    await expectText(outputText(), OUTPUTS.approve);
    const prompt = page.getByRole('region', { name: 'Prompt' });
    await expectText(prompt, /What is the capital of France\?/);
    await expectText(
      page.getByRole('region', { name: /Context documents/ }),
      /Paris is the capital and largest city of France/,
    );
    await expectText(page.getByRole('region', { name: 'Why it is here' }), /.+/);
    await expectText(page.getByRole('region', { name: 'Signals' }), /grounding/);
    await expectText(
      page.getByRole('timer', { name: 'Deadline' }),
      /Deadline · due\s*(29|30):\d\d/,
    );
    await expectText(page.getByRole('timer', { name: 'Lease' }), /Lease\s*\d+:\d\d/);
    await expectText(page.getByLabel('support in review'), '1');
    expect(await page.getByRole('button', { name: 'Escalate' }).isVisible()).toBe(true);
    await screenshot(page, 'reviewer-task');
  });

  it('a reload keeps the task in hand, lease and all', async () => {
    await page.reload();
    await expectText(outputText(), OUTPUTS.approve);
    await expectText(page.getByRole('timer', { name: 'Lease' }), /Lease\s*\d+:\d\d/);
    await expectText(page.getByLabel('support in review'), '1');
  });

  it('approve: decided, and the next task opens by itself', async () => {
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectText(outputText(), /Lyon/);
    await expectText(page.getByRole('status'), 'Approved. Next task claimed.');
    expect(await submission('approve')).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'human' },
    });
    expect(await decisionRow('approve')).toMatchObject({ action: 'approve', reason_codes: [] });
  });

  it('shows the validator finding highlighted in the output', async () => {
    const marked = outputText().locator('mark.finding');
    await expectText(marked, 'guaranteed');
    expect(await marked.getAttribute('title')).toMatch(/denied phrase "guaranteed"/);
    await expectText(
      page.getByRole('region', { name: 'Validators' }),
      /failed → flag.*Suggest: “likely”/,
    );
    await screenshot(page, 'reviewer-finding');
  });

  it('reject: a reason code is required, then the rejection is recorded with it', async () => {
    await page.getByRole('button', { name: 'Reject' }).click();
    await expectText(page.getByRole('alert'), 'Choose at least one reason code to reject.');
    expect((await submission('reject')).status).toBe('human_review');
    await page.getByRole('checkbox', { name: 'inaccurate' }).check();
    await page.getByLabel('Comment').fill('Lyon is not the capital');
    await page.getByRole('button', { name: 'Reject' }).click();
    await expectText(outputText(), OUTPUTS.edit);
    await expectText(page.getByRole('status'), 'Rejected. Next task claimed.');
    expect(await submission('reject')).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'rejected', decidedBy: 'human' },
    });
    expect(await decisionRow('reject')).toMatchObject({
      action: 'reject',
      reason_codes: ['inaccurate'],
      comment: 'Lyon is not the capital',
    });
  });

  it('edit: the editor starts from the output, shows the change, and the edit is what goes out', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByLabel('Edited output');
    expect(await editor.inputValue()).toBe(OUTPUTS.edit);
    await editor.fill('Paris is the capital of France and its most populous city.');
    await expectText(page.getByLabel('Changes').locator('ins'), /most populous/);
    await expectText(page.getByLabel('Changes').locator('del'), /largest/);
    await screenshot(page, 'reviewer-edit');
    await page.getByRole('button', { name: 'Approve edited output' }).click();
    await expectText(page.getByRole('status'), 'Approved. Nothing is waiting in your queues.');
    await expectText(page.getByLabel('support waiting'), '0');
    await expectText(page.getByLabel('support in review'), '0');
    const row = await submission('edit');
    expect(row).toMatchObject({
      status: 'approved',
      decision: {
        decidedBy: 'human',
        finalOutput: { text: 'Paris is the capital of France and its most populous city.' },
      },
    });
    expect(await decisionRow('edit')).toMatchObject({
      action: 'edit',
      edited_output: { text: 'Paris is the capital of France and its most populous city.' },
    });
    await screenshot(page, 'reviewer-done');
  });
});
