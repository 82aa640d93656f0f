import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const FIRST = 'Paris is the capital of France.';
const SECOND = 'France has Paris as its capital.';

describe('review desk: a held task survives a reload and a new login; two reviewers never share one', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', sla: '30m' } }),
    );
    await createUser(arbiter, 'rita@test.local', 'reviewer', ['support']);
    await createUser(arbiter, 'rob@test.local', 'reviewer', ['support']);
    for (const text of [FIRST, SECOND]) {
      await submitForReview(arbiter, { output: { text } });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const outputOf = (page: Page) => page.getByLabel('Output text');
  const claims = () =>
    arbiter.db.query(
      `SELECT id, claimed_by FROM review_tasks WHERE status = 'claimed' ORDER BY claimed_at`,
    ) as Promise<{ id: string; claimed_by: string }[]>;
  let rita: Page;
  let heldTaskId: string;

  it('claims a task, and a reload gives it back with its lease', async () => {
    rita = await newPage(browser, arbiter.http.baseUrl);
    await logIn(rita, 'rita@test.local', PASSWORD);
    await rita.waitForURL('**/review');
    await rita.getByRole('button', { name: /Claim next/ }).click();
    await expectText(outputOf(rita), FIRST);
    heldTaskId = (await claims())[0]!.id;
    await rita.reload();
    await expectText(outputOf(rita), FIRST);
    await expectText(rita.getByRole('timer', { name: 'Lease' }), /Lease\s*\d+:\d\d/);
    await expectText(rita.getByRole('status'), 'Resumed the task you were holding.');
    expect((await claims()).map((c) => c.id)).toEqual([heldTaskId]);
  });

  it('the tab closes; a new login (new tab, new session) resumes the same task, which still decides', async () => {
    await rita.context().close();
    rita = await newPage(browser, arbiter.http.baseUrl);
    await logIn(rita, 'rita@test.local', PASSWORD);
    await expectText(outputOf(rita), FIRST);
    await screenshot(rita, 'desk-resumed-after-login');
    expect((await claims()).map((c) => c.id)).toEqual([heldTaskId]);
  });

  it('a second reviewer gets the other task, never the held one', async () => {
    const rob = await newPage(browser, arbiter.http.baseUrl);
    await logIn(rob, 'rob@test.local', PASSWORD);
    await rob.waitForURL('**/review');
    // Live: one waiting (Rita holds the other), so N can claim.
    await expectText(rob.getByLabel('support waiting'), '1');
    await rob.keyboard.press('n');
    await expectText(outputOf(rob), SECOND);
    const held = await claims();
    expect(held).toHaveLength(2);
    expect(new Set(held.map((c) => c.claimed_by)).size).toBe(2);
    // Nothing is left for a third claim by either of them while both hold their task.
    await rob.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectText(rob.getByRole('status'), 'Approved. Nothing is waiting in your queues.');
    await rita.getByRole('button', { name: 'Approve', exact: true }).click();
    await expectText(rita.getByRole('status'), 'Approved. Nothing is waiting in your queues.');
    const decisions = await arbiter.db.query(`SELECT task_id, reviewer_id FROM review_decisions`);
    expect(decisions).toHaveLength(2);
    expect(new Set(decisions.map((d: { task_id: string }) => d.task_id)).size).toBe(2);
    await screenshot(rob, 'desk-second-reviewer');
    await rob.context().close();
  });
});
