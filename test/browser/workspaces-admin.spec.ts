import { expectEventually } from '@arbiter/testing';
import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

/**
 * Admin → Workspaces: a platform admin creates a workspace (the API's refusals shown at the
 * field), makes an existing person its lead, who then finds it in the switcher and works there;
 * the admin changes the role and, once confirmed, removes the person again.
 */
describe('Admin → Workspaces', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let kimId = '';

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    // A reviewer of the default workspace, to be given a role in the new one.
    kimId = await createUser(arbiter, 'kim@test.local', 'reviewer', []);
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  /** A pipeline, a client and one submission waiting for review in `claims`. */
  const fillClaims = async () => {
    const inClaims = {
      token: await arbiter.adminAccessToken(),
      headers: { 'x-arbiter-workspace': 'claims' },
    };
    const pipeline = 'claims-intake';
    const put = await arbiter.http.put(
      `/v1/pipelines/${pipeline}?activate=true`,
      { pipeline, ...policy({ ...ALWAYS_HUMAN, review: { queue: 'claims-desk', sla: '30m' } }) },
      inClaims,
    );
    expect(put.status).toBe(200);
    const client = await arbiter.http.post<{ id: string }>(
      '/v1/clients',
      { name: 'bot' },
      inClaims,
    );
    const issued = await arbiter.http.post<{ key: string }>(
      '/v1/api-keys',
      { clientId: client.body.id, name: 'prod' },
      inClaims,
    );
    await arbiter.http.post('/v1/submissions', submissionBody({ pipeline }), {
      token: issued.body.key,
    });
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(1);
    });
  };

  /** Kim's switcher after a fresh sign-in: the options offered, by their visible text. */
  const kimsWorkspaces = async (): Promise<{ page: Page; options: string[] }> => {
    const page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'kim@test.local', PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Workspace' });
    const options = (await switcher.count())
      ? (await switcher.locator('option').allTextContents()).map((t) => t.trim())
      : [];
    return { page, options };
  };

  it('creates a workspace, gives a person a role there, changes it and takes it away', async () => {
    const admin = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(admin, 'admin@test.local', 'admin-password-1');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('link', { name: 'Workspaces' }).click();
    const table = admin.getByRole('table', { name: 'Workspaces' });
    await expectText(table.locator('[data-workspace="default"] td').nth(1), /\d+/);

    // The API's refusals, each at its field: a malformed key (400), then a taken one (409).
    const key = admin.getByLabel('Workspace key');
    const create = admin.getByRole('button', { name: 'Create workspace' });
    await key.fill('Claims Team');
    await admin.getByLabel('Workspace name').fill('Claims team');
    await create.click();
    await expectText(admin.locator('#new-workspace-key-error'), /lower-case letters/);
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await key.fill('default');
    await create.click();
    await expectText(admin.locator('#new-workspace-key-error'), 'Workspace "default" exists');

    await key.fill('claims');
    await create.click();
    await expectText(admin.getByRole('status'), 'Created workspace Claims team (claims).');
    const row = table.locator('[data-workspace="claims"]');
    await expectText(row.locator('td').nth(0), 'Claims team');
    await expectText(row.locator('td').nth(1), '0');
    expect(await admin.locator('#new-workspace-key-error').count()).toBe(0);
    // The admin's own switcher offers the new workspace at once.
    await expectText(
      admin.getByRole('combobox', { name: 'Workspace' }).locator('option', { hasText: 'Claims' }),
      'Claims team (admin)',
    );
    await fillClaims();

    // Kim, a reviewer of default only, becomes the lead of claims.
    await row.getByRole('link', { name: 'Members of claims' }).click();
    await admin.waitForURL('**/admin/workspaces/claims');
    await admin.getByRole('heading', { name: /Members of Claims team/ }).waitFor();
    await admin.getByLabel('Person', { exact: true }).selectOption({ label: 'kim@test.local' });
    await admin.getByLabel('Role', { exact: true }).selectOption('lead');
    await admin.getByRole('button', { name: 'Add to workspace' }).click();
    await expectText(admin.getByRole('status'), 'Added kim@test.local to claims as lead.');
    const kimRole = admin.getByRole('combobox', { name: 'Role of kim@test.local in claims' });
    expect(await kimRole.inputValue()).toBe('lead');
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'workspaces-admin');
    await admin.getByRole('link', { name: 'All workspaces' }).click();
    await expectText(row.locator('td').nth(1), '1');
    await row.getByRole('link', { name: 'Members of claims' }).click();

    // Kim finds claims in the switcher and works there: its queue, on the floor.
    const kim = await kimsWorkspaces();
    expect(kim.options).toEqual(['Default (reviewer)', 'Claims team (lead)']);
    await kim.page
      .getByRole('combobox', { name: 'Workspace' })
      .selectOption({ label: 'Claims team (lead)' });
    await kim.page.getByRole('link', { name: 'Dashboard' }).click();
    await expectText(kim.page.getByLabel('claims-desk waiting'), '1');
    await kim.page.context().close();

    // A lower role: Kim signs in to find herself a reviewer there.
    await kimRole.selectOption('reviewer');
    await expectText(admin.getByRole('status'), 'kim@test.local is now reviewer in claims.');
    expect((await kimsWorkspaces().then(closing)).options).toContain('Claims team (reviewer)');

    // Removing asks first; backing out keeps her, confirming (by keyboard) takes her out.
    const kimRow = admin.locator('[data-member="kim@test.local"]');
    await kimRow.getByRole('button', { name: 'Remove kim@test.local' }).click();
    await admin.getByRole('button', { name: 'Keep kim@test.local' }).click();
    expect(await kimRow.count()).toBe(1);
    await kimRow.getByRole('button', { name: 'Remove kim@test.local' }).click();
    // The confirmation takes the focus: Enter confirms.
    await admin.getByRole('button', { name: 'Yes, remove kim@test.local' }).waitFor();
    await expectEventually(async () => {
      expect(await admin.evaluate('document.activeElement?.textContent')).toBe(
        'Yes, remove kim@test.local',
      );
    });
    await admin.keyboard.press('Enter');
    await expectText(admin.getByRole('status'), 'Removed kim@test.local from claims.');
    await expectText(admin.getByRole('region', { name: 'Members' }), /Nobody is a member/);
    expect((await kimsWorkspaces().then(closing)).options).toEqual([]);

    await admin.getByRole('link', { name: 'All workspaces' }).click();
    await expectText(row.locator('td').nth(1), '0');
    await admin.context().close();
  });

  it("shows a workspace's admin only their workspace's members", async () => {
    const inClaims = {
      token: await arbiter.adminAccessToken(),
      headers: { 'x-arbiter-workspace': 'claims' },
    };
    for (const [email, role] of [
      ['wanda@test.local', 'admin'],
      ['rey@test.local', 'reviewer'],
    ])
      expect(
        (await arbiter.http.post('/v1/users', { email, password: PASSWORD, role }, inClaims))
          .status,
      ).toBe(201);
    const page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'wanda@test.local', PASSWORD);
    await page.getByRole('link', { name: 'Admin' }).click();
    const nav = page.getByRole('navigation', { name: 'Admin sections' });
    expect(await nav.getByRole('link', { name: 'Workspaces' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: /Members of Claims team/ }).waitFor();
    const people = page.getByRole('table', { name: 'Members of claims' });
    await expectText(people.locator('[data-member="wanda@test.local"] th'), 'wanda@test.local');
    expect((await people.locator('tbody th').allTextContents()).sort()).toEqual([
      'rey@test.local',
      'wanda@test.local',
    ]);
    expect(await page.getByRole('link', { name: 'All workspaces' }).count()).toBe(0);

    // Someone of another workspace is added by their id (a workspace's admin cannot list them).
    await page.getByLabel("Person's user id").fill(kimId);
    await page.getByRole('button', { name: 'Add to workspace' }).click();
    await expectText(page.getByRole('status'), 'Added kim@test.local to claims as reviewer.');
    await expectText(people.locator('[data-member="kim@test.local"] th'), 'kim@test.local');
    await people
      .getByRole('combobox', { name: 'Role of rey@test.local in claims' })
      .selectOption('lead');
    await expectText(page.getByRole('status'), 'rey@test.local is now lead in claims.');
    expect(await seriousViolations(page)).toEqual([]);

    // Leaving her only workspace: her session reads its workspaces again and has none left.
    await people.getByRole('button', { name: 'Remove wanda@test.local' }).click();
    await page.getByRole('button', { name: 'Yes, remove wanda@test.local' }).click();
    await expectText(page.getByRole('status'), /not a member of any workspace/);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.context().close();
  });
});

async function closing<T extends { page: Page }>(result: T): Promise<T> {
  await result.page.context().close();
  return result;
}
