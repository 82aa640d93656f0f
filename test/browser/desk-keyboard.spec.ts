import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

const OUTPUTS = {
  approve: 'The capital of France is Paris.',
  reject: 'The capital of France is Lyon.',
  edit: 'Paris is the capital of France and its largest city.',
  suggest: 'Paris is guaranteed to be the capital of France.',
};

describe('review desk by keyboard: claim, approve, reject with reason keys, edit and submit; apply a suggestion', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};
  const pageErrors: string[] = [];

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
    await createUser(arbiter, 'kim@test.local', 'reviewer', ['support']);
    // One at a time, so that the queue serves them in this order (same priority: oldest first).
    for (const [key, text] of Object.entries(OUTPUTS)) {
      ids[key] = await submitForReview(arbiter, { output: { text }, externalId: `kb-${key}` });
    }
    page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterEach(() => {
    // An uncaught error unmounts React: say so, rather than time out on a blank page.
    expect(pageErrors).toEqual([]);
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
        `SELECT action, reason_codes, edited_output FROM review_decisions WHERE submission_id = $1`,
        [ids[key]],
      )
    )[0];
  const decided = (key: string, status: string) =>
    expectEventually(async () => {
      expect((await submission(key)).status).toBe(status);
    });

  it('N claims; the output is above the fold at 1440×900, and every action shows its key', async () => {
    await logIn(page, 'kim@test.local', PASSWORD);
    await page.waitForURL('**/review');
    await expectText(page.getByLabel('support waiting'), '4');
    await page.keyboard.press('n');
    await expectText(outputText(), OUTPUTS.approve);
    const box = await page.getByRole('region', { name: /^Output/ }).boundingBox();
    expect(box!.y).toBeLessThan(900 - 60);
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.getAttribute('aria-keyshortcuts')).toBe('A');
    await expectText(approve, /Approve\s*A/);
    for (const [name, key] of [
      ['Reject', 'R'],
      ['Edit', 'E'],
      ['Escalate', 'X'],
      ['Release', 'L'],
    ]) {
      expect(
        await page.getByRole('button', { name, exact: true }).getAttribute('aria-keyshortcuts'),
      ).toBe(key);
    }
    await screenshot(page, 'desk-keyboard-claimed');
  });

  it('? opens the cheat sheet, where approve moves to Y; Esc closes it', async () => {
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await expectText(sheet, /Ctrl\+Enter.*Submit the edited output/s);
    await sheet.getByRole('button', { name: /Change the key of: Approve/ }).click();
    await page.keyboard.press('r');
    await expectText(sheet.locator('p[aria-live]'), /R already does “Reject/);
    await page.keyboard.press('y');
    await expectText(sheet.locator('p[aria-live]'), /Approve the output as it is: now Y/);
    await screenshot(page, 'desk-cheat-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.getAttribute('aria-keyshortcuts')).toBe('Y');
    await expectText(approve, /Approve\s*Y/);
  });

  it('A no longer approves; Y does, and the next task opens by itself', async () => {
    await page.keyboard.press('a');
    await page.waitForTimeout(300);
    expect((await submission('approve')).status).toBe('human_review');
    await page.keyboard.press('y');
    await expectText(outputText(), OUTPUTS.reject);
    await decided('approve', 'approved');
    expect(await decisionRow('approve')).toMatchObject({ action: 'approve' });
  });

  it('R without a reason asks for one; 1 picks the first reason code and R rejects with it', async () => {
    await page.keyboard.press('r');
    await expectText(page.getByRole('alert'), 'Choose at least one reason code to reject.');
    expect((await submission('reject')).status).toBe('human_review');
    await page.keyboard.press('1');
    expect(await page.getByRole('checkbox', { name: 'inaccurate' }).isChecked()).toBe(true);
    await page.keyboard.press('r');
    await expectText(outputText(), OUTPUTS.edit);
    await decided('reject', 'rejected');
    expect(await decisionRow('reject')).toMatchObject({
      action: 'reject',
      reason_codes: ['inaccurate'],
    });
  });

  it('E opens the editor focused; typing and Ctrl+Enter approve the edit', async () => {
    await page.keyboard.press('e');
    const editor = page.getByLabel('Edited output');
    const focusedField = () =>
      page.evaluate('document.activeElement?.closest("label")?.firstChild?.textContent?.trim()');
    await expectEventually(async () => expect(await focusedField()).toBe('Edited output'));
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' It is home to the Louvre.');
    // Letters typed in the editor are text, not shortcuts: the task is still here.
    expect(await editor.inputValue()).toBe(`${OUTPUTS.edit} It is home to the Louvre.`);
    await screenshot(page, 'desk-keyboard-edit');
    await page.keyboard.press('Control+Enter');
    await expectText(outputText(), OUTPUTS.suggest);
    await decided('edit', 'approved');
    expect((await submission('edit')).decision).toMatchObject({
      decidedBy: 'human',
      finalOutput: { text: `${OUTPUTS.edit} It is home to the Louvre.` },
    });
  });

  it('J selects the flagged span, lights up its context sentence; one click applies the suggestion', async () => {
    const details = page.getByRole('region', { name: 'Highlight details' });
    // Signals may flag words too; J walks the spans in reading order until the validator's.
    for (
      let i = 0;
      i < 10 && !/phrases: .*denied phrase "guaranteed"/.test((await details.textContent()) ?? '');
      i++
    ) {
      await page.keyboard.press('j');
      await expectText(details, /Flagged span \d+ of \d+/);
    }
    await expectText(details, /phrases: .*denied phrase "guaranteed"/);
    const lit = page.locator('mark.passage.lit');
    await expectText(lit, /Paris is the capital and largest city of France/);
    expect(await lit.isVisible()).toBe(true);
    await screenshot(page, 'desk-span-linked');
    await page.getByRole('button', { name: /Apply “likely” in the editor/ }).click();
    expect(await page.getByLabel('Edited output').inputValue()).toBe(
      'Paris is likely to be the capital of France.',
    );
    await screenshot(page, 'desk-suggestion-applied');
    await page.keyboard.press('Control+Enter');
    await expectText(page.getByRole('status'), 'Approved. Nothing is waiting in your queues.');
    await decided('suggest', 'approved');
    expect(await decisionRow('suggest')).toMatchObject({
      action: 'edit',
      edited_output: { text: 'Paris is likely to be the capital of France.' },
    });
  });
});
