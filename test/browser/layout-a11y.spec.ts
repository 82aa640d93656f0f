import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';
import { hasNoHorizontalScroll, seriousViolations } from './support/axe';
import { misalignedControls, raggedBarCharts } from './support/layout';
import { submitForReview } from './support/submissions';
import { assertPrerequisites, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createUser, expectText, PASSWORD } from './support/people';

// A long unbroken token and a finding: the two things that used to push the phone layout sideways.
const OUTPUT =
  'Your order https://shop.example.com/orders/0123456789abcdefghijklmnopqrstuvwxyz0123456789 is guaranteed to arrive Monday.';

describe('any screen, any user: a phone layout with a sticky action bar, and no serious axe violation', () => {
  let arbiter: ArbiterHarness;
  let browser: Browser;

  beforeAll(async () => {
    assertPrerequisites();
    arbiter = await ArbiterHarness.start();
    browser = await launchBrowser();
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 1 },
        validators: [
          {
            type: 'phrases',
            deny: [{ phrase: 'guaranteed', suggest: 'expected' }],
            onFail: 'flag',
          },
        ],
        review: {
          queue: 'support',
          sla: '30m',
          escalateTo: 'leads',
          reasonCodes: ['inaccurate', 'tone'],
        },
      }),
    );
    await createUser(arbiter, 'pia@test.local', 'reviewer', ['support']);
    await createUser(arbiter, 'ada@test.local', 'reviewer', ['support']);
    await createUser(arbiter, 'lena@test.local', 'lead', []);
    for (let i = 0; i < 2; i++) {
      await submitForReview(arbiter, { output: { text: OUTPUT } });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await arbiter?.stop();
  });

  const claim = async (page: Page) => {
    await page.waitForURL('**/review');
    await page.getByRole('button', { name: /Claim next/ }).click();
    await expectText(page.getByLabel('Output text'), /guaranteed/);
  };

  it('at 390×844 the desk is one column, nothing scrolls sideways, and the action bar stays on screen', async () => {
    const page = await newPage(browser, arbiter.http.baseUrl, { width: 390, height: 844 });
    await logIn(page, 'pia@test.local', PASSWORD);
    await claim(page);
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    // The signals fit their card: each one's evidence is a row under its figures, not a column.
    await page.getByRole('region', { name: 'Signals' }).locator('table').waitFor();
    expect(
      await page.evaluate(
        `[...document.querySelectorAll('.signals')].map((t) => t.scrollWidth > t.clientWidth || t.parentElement.scrollWidth > t.parentElement.clientWidth)`,
      ),
    ).toEqual([false]);
    const bar = page.getByRole('toolbar', { name: 'Decision actions' });
    const inView = async () => {
      const box = (await bar.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(844 + 0.5);
      expect(box.y).toBeGreaterThan(844 / 2);
      expect(await page.getByRole('button', { name: 'Approve', exact: true }).isVisible()).toBe(
        true,
      );
    };
    await inView();
    // Still there after scrolling to the end of the evidence: it is stuck to the screen, not the page.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await inView();
    await screenshot(page, 'phone-desk');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
    await page.getByRole('button', { name: 'Cancel edit' }).click();
    await page.context().close();
  });

  it('at 390×844 the floor and the admin screens do not scroll sideways either', async () => {
    for (const [email, password, path] of [
      ['lena@test.local', PASSWORD, '/dashboard'],
      ['admin@test.local', 'admin-password-1', '/admin/users'],
    ]) {
      const page = await newPage(browser, arbiter.http.baseUrl, { width: 390, height: 844 });
      await logIn(page, email, password);
      await page.waitForURL('**/dashboard');
      if (path !== '/dashboard') {
        await page.getByRole('link', { name: 'Admin' }).click();
        await page.getByRole('link', { name: 'Users' }).click();
        await expectText(page.locator('[data-user="pia@test.local"]'), /pia/);
      } else await page.getByRole('figure').first().waitFor();
      expect([path, await hasNoHorizontalScroll(page)]).toEqual([path, true]);
      await screenshot(page, `phone-${path.replace(/\//g, '-').slice(1)}`);
      await page.context().close();
    }
  });

  it('axe-core finds no serious or critical violation on the desk (task in hand, span selected), the floor and the admin screens', async () => {
    const desk = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(desk, 'ada@test.local', PASSWORD);
    await claim(desk);
    await desk.keyboard.press('j');
    await expectText(desk.getByRole('region', { name: 'Highlight details' }), /Flagged span 1 of/);
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'axe-desk');
    await desk.context().close();

    const lead = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(lead, 'lena@test.local', PASSWORD);
    await lead.waitForURL('**/dashboard');
    await expectText(lead.getByLabel('support waiting'), /\d/);
    expect(await seriousViolations(lead)).toEqual([]);
    await lead.context().close();

    const admin = await newPage(browser, arbiter.http.baseUrl, { width: 1440, height: 900 });
    await logIn(admin, 'admin@test.local', 'admin-password-1');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin.getByLabel('Pipeline key').fill('support');
    await admin.getByRole('button', { name: 'Open', exact: true }).click();
    await expectText(admin.getByTestId('active-version'), 'v1');
    const screens: [string, string[]][] = [['pipelines', await seriousViolations(admin)]];
    for (const section of ['Users', 'Workspaces', 'Clients and keys', 'Dead letters']) {
      await admin.getByRole('link', { name: section }).click();
      await admin
        .getByRole('heading', { name: section === 'Clients and keys' ? 'API keys' : section })
        .waitFor();
      screens.push([section, await seriousViolations(admin)]);
    }
    expect(screens).toEqual(screens.map(([name]) => [name, []]));
    await screenshot(admin, 'axe-admin');
    await admin.context().close();
  });

  it('at 1280×800 and 390×844 the fields and buttons of a filter row share a line (queue browser, pipelines, audit log), the floor bars share their tracks, nothing scrolls sideways, and axe passes the audit log', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const at = `${viewport.width}px`;
      const lead = await newPage(browser, arbiter.http.baseUrl, viewport);
      await logIn(lead, 'lena@test.local', PASSWORD);
      await lead.waitForURL('**/dashboard');
      // The route shares come from the stats rollups: "100 % (2)" beside "0 % (0)", values of
      // unequal width, which used to shorten that row's track.
      await expectText(
        lead.getByRole('figure').filter({ hasText: 'Automation share by route' }),
        /100 %/,
        45_000,
      );
      expect([at, await raggedBarCharts(lead)]).toEqual([at, []]);
      await lead.getByRole('link', { name: 'Queues' }).click();
      const filters = lead.getByRole('form', { name: 'Filters' });
      await expectText(filters.getByLabel('Queue'), /support/);
      await filters.getByLabel('Queue').selectOption('support');
      await filters.getByRole('button', { name: 'Show tasks' }).click();
      await lead.getByRole('table', { name: 'Tasks in support' }).waitFor();
      expect([at, await misalignedControls(lead, 'form[aria-label="Filters"]')]).toEqual([at, []]);
      expect([at, await hasNoHorizontalScroll(lead)]).toEqual([at, true]);
      await lead.context().close();

      const admin = await newPage(browser, arbiter.http.baseUrl, viewport);
      await logIn(admin, 'admin@test.local', 'admin-password-1');
      await admin.getByRole('link', { name: 'Admin' }).click();
      // Pipelines: the key, Open, and a link-styled button per known pipeline.
      await admin.getByRole('button', { name: 'support', exact: true }).waitFor();
      expect([at, await misalignedControls(admin, '.admin-section > form.inline-form')]).toEqual([
        at,
        [],
      ]);
      await admin.getByRole('link', { name: 'Audit log' }).click();
      await admin.getByRole('table', { name: 'Audit entries' }).waitFor();
      expect([at, await misalignedControls(admin, 'form[aria-label="Audit filters"]')]).toEqual([
        at,
        [],
      ]);
      expect([at, await hasNoHorizontalScroll(admin)]).toEqual([at, true]);
      expect([at, await seriousViolations(admin)]).toEqual([at, []]);
      await screenshot(admin, `audit-filters-${viewport.width}`);
      await admin.context().close();
    }
  });

  it('serves a favicon', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await fetch(`${arbiter.http.baseUrl}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });
});
