import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, OidcConfig } from '@arbiter/config';
import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import { AuthError, AuthErrorCode } from '../auth.errors';

/** The parts of the provider's discovery document Arbiter uses. */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: string[];
}

const TIMEOUT_MS = 10_000;

const unavailable = (what: string) =>
  new AuthError(
    AuthErrorCode.SsoProviderUnavailable,
    `The single sign-on provider could not be reached (${what}); try again later`,
  );

/**
 * Arbiter as an OpenID Connect relying party: the provider's endpoints from its discovery
 * document (fetched once, fetched again after a failure), its signing keys (jose caches and
 * refreshes the JWKS when a token names an unknown key id), and the code exchange.
 */
@Injectable()
export class OidcClient {
  private discovery?: Promise<Discovery>;
  private jwks?: JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The configuration, or a 404 when this deployment has no single sign-on. */
  get settings(): OidcConfig {
    const oidc = this.config.sso.oidc;
    if (!oidc)
      throw new AuthError(AuthErrorCode.SsoNotConfigured, 'Single sign-on is not configured');
    return oidc;
  }

  /** The authorization request to send the browser to (code flow, PKCE S256). */
  async authorizationUrl(p: { state: string; nonce: string; challenge: string }): Promise<string> {
    const { clientId, redirectUrl, scopes } = this.settings;
    const url = new URL((await this.endpoints()).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUrl,
      scope: scopes.join(' '),
      state: p.state,
      nonce: p.nonce,
      code_challenge: p.challenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** The provider's ID token for an authorization code; a refusal (replayed, expired, wrong verifier) is a 401. */
  async exchange(code: string, verifier: string): Promise<string> {
    const { clientId, clientSecret, redirectUrl } = this.settings;
    const endpoints = await this.endpoints();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUrl,
      code_verifier: verifier,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    const methods = endpoints.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    if (clientSecret && methods.includes('client_secret_basic')) {
      // RFC 6749 2.3.1: id and secret are form-encoded before the Basic encoding.
      const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      form.set('client_id', clientId);
      if (clientSecret) form.set('client_secret', clientSecret);
    }
    let response: Response;
    try {
      response = await fetch(endpoints.token_endpoint, {
        method: 'POST',
        headers,
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw unavailable(`token endpoint: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.status >= 500 || body === null)
      throw unavailable(`token endpoint answered ${response.status}`);
    if (!response.ok) {
      const why = [body.error, body.error_description].filter((s) => typeof s === 'string');
      throw new AuthError(
        AuthErrorCode.SsoCodeRejected,
        `The provider refused the authorization code (${why.join(': ') || response.status}): it may be expired or already used; sign in again`,
      );
    }
    if (typeof body.id_token !== 'string')
      throw new AuthError(AuthErrorCode.SsoTokenInvalid, 'The provider sent no ID token');
    return body.id_token;
  }

  /** The provider's signing keys, for verifyIdToken. */
  async keys(): Promise<JWTVerifyGetKey> {
    const endpoints = await this.endpoints();
    this.jwks ??= createRemoteJWKSet(new URL(endpoints.jwks_uri), { timeoutDuration: TIMEOUT_MS });
    return this.jwks;
  }

  private endpoints(): Promise<Discovery> {
    this.discovery ??= this.discover().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  private async discover(): Promise<Discovery> {
    const { issuer } = this.settings;
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let doc: Partial<Discovery>;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      doc = (await response.json()) as Partial<Discovery>;
    } catch (error) {
      throw unavailable(`discovery: ${(error as Error).message}`);
    }
    // OpenID Connect Discovery 4.3: the document must name exactly the issuer it was fetched for.
    if (doc.issuer !== issuer)
      throw unavailable(`discovery names issuer "${doc.issuer}", not the configured "${issuer}"`);
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof doc[field] !== 'string') throw unavailable(`discovery has no ${field}`);
    }
    return doc as Discovery;
  }
}
