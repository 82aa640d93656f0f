import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const FIRST = 'Paris is the capital of France.';
const SECOND = 'France has Paris as its capital.';

describe('review desk: undo the last decision with U while it is not delivered', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    // A long window: the test presses U well inside it on a loaded machine, then waits for none of it.
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'support', sla: '30m', reasonCodes: ['tone'], undoWindow: '1m' },
      }),
    );
    await createUser(arbiter, 'rita@test.local', 'reviewer', ['support']);
    for (const text of [FIRST, SECOND]) {
      ids[text] = await submitForReview(arbiter, { output: { text } });
    }
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, 'rita@test.local', PASSWORD);
    await page.waitForURL('**/review');
  });

  afterEach(() => {
    // An uncaught error unmounts React: say so, rather than time out on a blank page.
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const outputOf = () => page.getByLabel('Output text');
  const recent = () => page.getByRole('region', { name: 'My recent decisions' });
  const tasksOf = (submissionId: string) =>
    arbiter.db.query(
      `SELECT status, claimed_by AS "claimedBy" FROM review_tasks WHERE submission_id = $1`,
      [submissionId],
    ) as Promise<{ status: string; claimedBy: string | null }[]>;

  it('approve with A: the decision is listed, undoable, and nothing is decided yet', async () => {
    await expectText(page.getByLabel('support waiting'), '2');
    await expectText(recent(), /None yet/);
    await page.keyboard.press('n');
    await expectText(outputOf(), FIRST);
    await page.keyboard.press('a');
    // The next task opens by itself; the first decision waits in its window.
    await expectText(outputOf(), SECOND);
    await expectText(
      page.getByRole('status'),
      /Approved \(undoable for \d+ s\)\. Next task claimed\./,
    );
    await expectText(recent(), /Approved in support/);
    await expectText(recent().getByRole('button', { name: /Undo \(\d+ s\)/ }), /U/);
    expect(await tasksOf(ids[FIRST])).toEqual([
      { status: 'undoable', claimedBy: expect.any(String) },
    ]);
    const [submission] = await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [
      ids[FIRST],
    ]);
    expect(submission.status).toBe('human_review');
    await screenshot(page, 'desk-undo-window');
  });

  it('U: the first task is back in hand, the one claimed after it back in the queue', async () => {
    await page.keyboard.press('u');
    await expectText(outputOf(), FIRST);
    await expectText(page.getByRole('status'), 'Decision undone: the task is back in your hands.');
    await expectText(recent(), /Approved in support.*undone/s);
    expect(await tasksOf(ids[FIRST])).toEqual([
      { status: 'claimed', claimedBy: expect.any(String) },
    ]);
    expect(await tasksOf(ids[SECOND])).toEqual([{ status: 'pending', claimedBy: null }]);
  });

  it('decided again (reject with reason 1 and R): that is the decision that stands', async () => {
    await page.keyboard.press('1');
    await page.keyboard.press('r');
    await expectText(outputOf(), SECOND);
    await expectText(recent(), /Rejected in support/);
    const rows = await arbiter.db.query(
      `SELECT action, status FROM review_pending_decisions WHERE submission_id = $1 ORDER BY created_at`,
      [ids[FIRST]],
    );
    expect(rows).toEqual([
      { action: 'approve', status: 'undone' },
      { action: 'reject', status: 'pending' },
    ]);
    await screenshot(page, 'desk-undo-decided-again');
  });
});
