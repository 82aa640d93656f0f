import { Browser, Page } from 'playwright-core';
import { ArbiterHarness } from '../support/arbiter.harness';
import { freePort, OidcProviderProcess } from '../support/oidc/oidc-provider.process';
import { assertPrerequisites, launchBrowser, newPage, screenshot } from './support/browser';
import { expectText } from './support/people';

const CLIENT = { clientId: 'arbiter', clientSecret: 'browser-client-secret' };

/**
 * Single sign-on as a person does it: the login page's "Sign in with …" button, the provider's
 * own login form (oidc-provider in a child process), and back on the desk with the role of the
 * provider's group claim, on a deployment whose password logins are switched off.
 */
describe('single sign-on in the browser', () => {
  let provider: OidcProviderProcess;
  let arbiter: ArbiterHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertPrerequisites();
    const [providerPort, apiPort] = [await freePort(), await freePort()];
    const redirectUrl = `http://127.0.0.1:${apiPort}/v1/auth/oidc/callback`;
    arbiter = await ArbiterHarness.start({
      port: apiPort,
      config: {
        sso: {
          localLogin: false,
          oidc: {
            issuer: `http://127.0.0.1:${providerPort}`,
            ...CLIENT,
            redirectUrl,
            scopes: ['openid', 'email', 'profile', 'groups'],
            groupsClaim: 'groups',
            roleMap: {
              'desk-staff': [{ role: 'reviewer' }],
              'desk-leads': [{ role: 'lead' }],
              'desk-admins': [{ role: 'admin' }],
            },
            name: 'Corp IdP',
          },
        },
      },
    });
    provider = await OidcProviderProcess.start(providerPort, {
      ...CLIENT,
      redirectUris: [redirectUrl],
      accounts: {
        rita: { email: 'rita@corp.test', email_verified: true, groups: ['desk-staff'] },
        nora: { email: 'nora@corp.test', email_verified: true, groups: ['marketing'] },
        ada: { email: 'ada@corp.test', email_verified: true, groups: ['desk-admins'] },
      },
    });
    browser = await launchBrowser();
    page = await newPage(browser, arbiter.http.baseUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await provider?.stop();
    await arbiter?.stop();
  });

  it("signs in through the provider's login form and lands on the desk with the group's role", async () => {
    await page.goto('/');
    const sso = page.getByRole('link', { name: 'Sign in with Corp IdP' });
    await sso.waitFor();
    // Passwords are switched off here: no password form to fill.
    expect(await page.getByLabel('Password').count()).toBe(0);
    await screenshot(page, 'sso-login-page');
    await sso.click();
    // The provider's own page.
    await page.locator('input[name="login"]').fill('rita');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL('**/review');
    await expectText(page.locator('.who'), /^rita@corp\.test\s+reviewer$/);
    // The one-time code is gone from the address, and the session is a working one.
    expect(new URL(page.url()).hash).toBe('');
    await expectText(page.getByRole('button', { name: 'Sign out' }), 'Sign out');
    await screenshot(page, 'sso-desk');
  });

  it('brings a person whose groups give no role back to the login page, saying so', async () => {
    const other = await newPage(browser, arbiter.http.baseUrl);
    await other.goto('/');
    await other.getByRole('link', { name: 'Sign in with Corp IdP' }).click();
    await other.locator('input[name="login"]').fill('nora');
    await other.locator('input[name="password"]').fill('any password');
    await other.getByRole('button', { name: 'Sign-in' }).click();
    await expectText(other.getByRole('alert'), /not given a role in Arbiter: ask an admin/);
    expect(new URL(other.url()).hash).toBe('');
    expect(await arbiter.db.query(`SELECT 1 FROM users WHERE email = 'nora@corp.test'`)).toEqual(
      [],
    );
    await screenshot(other, 'sso-refused');
  });

  it('an admin signed in through the provider creates a person without a password (they will sign in the same way)', async () => {
    const admin = await newPage(browser, arbiter.http.baseUrl);
    await admin.goto('/');
    await admin.getByRole('link', { name: 'Sign in with Corp IdP' }).click();
    await admin.locator('input[name="login"]').fill('ada');
    await admin.locator('input[name="password"]').fill('any password');
    await admin.getByRole('button', { name: 'Sign-in' }).click();
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('link', { name: 'Users' }).click();
    const form = admin.getByRole('form', { name: 'New user' });
    await expectText(form.locator('p.muted'), /single sign-on/);
    expect(await form.getByLabel('Password').count()).toBe(0);
    await form.getByLabel('Email').fill('pia@corp.test');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expectText(admin.getByRole('status'), 'Created pia@corp.test (reviewer).');
    const [row] = await arbiter.db.query(`SELECT password_hash FROM users WHERE email = $1`, [
      'pia@corp.test',
    ]);
    expect(row.password_hash).toBeNull();
  });
});
