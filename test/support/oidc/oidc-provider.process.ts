import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Login name → the claims of that account (email, email_verified, groups, …). */
  accounts: Record<string, Record<string, unknown>>;
  /** A JSON file of accounts read at each sign-in instead of `accounts` (to change them mid-test). */
  accountsFile?: string;
  idTokenTtl?: number;
  /** Registers the client for back-channel logout at this URI (its ID tokens then carry `sid`). */
  backchannelLogoutUri?: string;
}

/** A port free right now (the provider's issuer must be known before Arbiter boots). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real OpenID provider of test/support/oidc/provider.mjs, in a child process. */
export class OidcProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(port: number, options: ProviderOptions): Promise<OidcProviderProcess> {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'provider.mjs'), String(port), JSON.stringify(options)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`provider not up in 20 s: ${errors}`)),
        20_000,
      );
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /issuer (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`provider exited with ${code}: ${errors}`));
      });
    });
    return new OidcProviderProcess(child, issuer);
  }

  /**
   * A logout token signed by the provider: iss, aud, iat, exp, a fresh jti and the back-channel
   * logout event, with `claims` changed (null leaves one out); `foreignKey` signs it with a key
   * the provider does not publish.
   */
  async logoutToken(
    claims: Record<string, unknown>,
    options: { foreignKey?: boolean } = {},
  ): Promise<string> {
    const res = await fetch(`${this.issuer}/test/logout-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ claims, foreignKey: options.foreignKey ?? false }),
    });
    if (!res.ok) throw new Error(`logout token: ${res.status} ${await res.text()}`);
    return res.text();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * A browser without the browser: fetch with a cookie jar per host and manual redirects, enough
 * to walk an authorization code flow (the provider's login form, Arbiter's state cookie).
 */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects until one leads to a URL for which `stop` is true (returned unvisited), or a page. */
  async follow(
    response: Response,
    from: string,
    stop: (url: URL) => boolean,
  ): Promise<{ url: URL; response: Response }> {
    let current = response;
    let base = from;
    for (let hops = 0; hops < 20; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location)
        return { url: new URL(base), response: current };
      const next = new URL(location, base);
      if (stop(next)) return { url: next, response: current };
      base = next.toString();
      current = await this.get(base);
    }
    throw new Error('too many redirects');
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const { host } = new URL(url);
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    const header = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(header ? { cookie: header } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired =
        attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join('=') === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value.join('='));
    }
    this.jar.set(host, cookies);
    return response;
  }
}

/**
 * Starts a sign-in at `api` in `browser`, fills the provider's login form as `login` (unless the
 * provider's session already knows the browser), and returns the callback URL the provider sends
 * the browser back to (not visited yet), with the authorization request that started it.
 */
export async function throughProvider(
  browser: CookieBrowser,
  api: string,
  redirectUrl: string,
  login: string,
): Promise<{ callback: URL; authorize: URL }> {
  const started = await browser.get(`${api}/v1/auth/oidc/start`);
  const location = started.headers.get('location');
  if (started.status !== 302 || !location)
    throw new Error(`start answered ${started.status}: ${await started.text()}`);
  const authorize = new URL(location);
  const toCallback = (url: URL) => url.toString().startsWith(redirectUrl);
  const page = await browser.follow(started, api, toCallback);
  // Already signed in at the provider (its session cookie): straight back, no form.
  if (toCallback(page.url)) return { callback: page.url, authorize };
  const html = await page.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form at ${page.url}: ${html.slice(0, 300)}`);
  const submitted = await browser.postForm(new URL(action, page.url).toString(), {
    prompt: 'login',
    login,
    password: 'any password',
  });
  const back = await browser.follow(submitted, page.url.toString(), toCallback);
  if (!toCallback(back.url))
    throw new Error(`the provider did not send ${login} back: ${back.url}`);
  return { callback: back.url, authorize };
}

/**
 * Signs `browser` out at the provider (RP-initiated logout's confirmation page, confirmed), which
 * posts a logout token to each client registered for back-channel logout before it answers.
 */
export async function signOutAtProvider(browser: CookieBrowser, issuer: string): Promise<void> {
  const page = await browser.get(`${issuer}/session/end`);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !xsrf) throw new Error(`no logout form at the provider: ${html.slice(0, 300)}`);
  const done = await browser.postForm(new URL(action, issuer).toString(), { xsrf, logout: 'yes' });
  if (done.status >= 400) throw new Error(`the provider's logout answered ${done.status}`);
}
