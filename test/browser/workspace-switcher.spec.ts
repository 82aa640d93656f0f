import { expectEventually } from '@arbiter/testing';
import { Browser } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { expectText, PASSWORD } from './support/people';

/**
 * A lead of two workspaces switches between them in the top bar: the dashboard (its socket) and
 * every read follow; someone of one workspace sees no switcher at all.
 */
describe('the workspace switcher', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    const platform = { token: await arbiter.adminAccessToken() };
    let leadId = '';
    for (const key of ['acme', 'globex']) {
      const inWorkspace = { ...platform, headers: { 'x-arbiter-workspace': key } };
      expect(
        (await arbiter.http.post('/v1/workspaces', { key, name: key.toUpperCase() }, platform))
          .status,
      ).toBe(201);
      const pipeline = `${key}-support`;
      const put = await arbiter.http.put(
        `/v1/pipelines/${pipeline}?activate=true`,
        {
          pipeline,
          ...policy({ ...ALWAYS_HUMAN, review: { queue: `${key}-desk`, sla: '30m' } }),
        },
        inWorkspace,
      );
      expect(put.status).toBe(200);
      const client = await arbiter.http.post<{ id: string }>(
        '/v1/clients',
        { name: `${key}-bot` },
        inWorkspace,
      );
      const issued = await arbiter.http.post<{ key: string }>(
        '/v1/api-keys',
        { clientId: client.body.id, name: 'prod' },
        inWorkspace,
      );
      const count = key === 'acme' ? 1 : 2;
      for (let i = 0; i < count; i++)
        await arbiter.http.post('/v1/submissions', submissionBody({ pipeline }), {
          token: issued.body.key,
        });
      if (key === 'acme') {
        const lena = await arbiter.http.post<{ id: string }>(
          '/v1/users',
          { email: 'lena@acme.local', password: PASSWORD, role: 'lead' },
          inWorkspace,
        );
        leadId = lena.body.id;
        await arbiter.http.post(
          '/v1/users',
          { email: 'omar@acme.local', password: PASSWORD, role: 'lead' },
          inWorkspace,
        );
      } else {
        await arbiter.http.put(
          `/v1/workspaces/globex/members/${leadId}`,
          { role: 'lead' },
          platform,
        );
      }
    }
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(3);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  it('moves the dashboard from one workspace to the other', async () => {
    const page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'lena@acme.local', PASSWORD);
    await page.waitForURL('**/dashboard');
    const switcher = page.getByRole('combobox', { name: 'Workspace' });
    await expectText(switcher.locator('option:checked'), 'ACME (lead)');
    await expectText(page.getByLabel('acme-desk waiting'), '1');
    expect(await page.getByLabel('globex-desk waiting').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'workspace-switcher');

    await switcher.selectOption({ label: 'GLOBEX (lead)' });
    await expectText(page.getByLabel('globex-desk waiting'), '2');
    expect(await page.getByLabel('acme-desk waiting').count()).toBe(0);
    // The queue browser reads through the same workspace.
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.waitForURL('**/queues');
    await expectText(
      page.getByRole('form', { name: 'Filters' }).getByLabel('Queue'),
      /globex-desk/,
    );
    await page.context().close();
  });

  it('shows no switcher to someone of one workspace', async () => {
    const page = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(page, 'omar@acme.local', PASSWORD);
    await page.waitForURL('**/dashboard');
    await expectText(page.getByLabel('acme-desk waiting'), '1');
    expect(await page.getByRole('combobox', { name: 'Workspace' }).count()).toBe(0);
    await page.context().close();
  });
});
