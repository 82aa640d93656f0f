import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Query,
  Redirect,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { AuthConfigView, ErrorBody, SsoExchangeDto, SsoSession } from '@arbiter/contracts';
import { AuthError, AuthErrorCode, BackchannelLogout, SsoLogin } from '@arbiter/auth';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiContract } from '../common/api-contract.decorator';

/** The cookie binding a sign-in to the browser that started it (its value: the login's state). */
const STATE_COOKIE = 'arbiter_oidc_state';
const COOKIE_PATH = '/v1/auth/oidc';
const START_URL = `${COOKIE_PATH}/start`;

/** The value of one cookie of the request, if sent. */
function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

@ApiTags('auth')
@Controller('v1/auth')
export class SsoController {
  constructor(
    private readonly sso: SsoLogin,
    private readonly backchannel: BackchannelLogout,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How people sign in here: passwords, single sign-on, or both. */
  @Get('config')
  @ApiContract({
    id: 'authConfig',
    summary: 'How people sign in: passwords and/or single sign-on',
    caller: 'none',
    ok: { 200: 'AuthConfig' },
  })
  authConfig(): AuthConfigView {
    const { localLogin, oidc } = this.config.sso;
    return { localLogin, sso: oidc ? { name: oidc.name, startUrl: START_URL } : null };
  }

  /** Sends the browser to the provider's sign-in page (authorization code with PKCE). */
  @Get('oidc/start')
  @Redirect()
  @ApiContract({
    id: 'ssoStart',
    summary: "Go to the single sign-on provider's sign-in page",
    caller: 'none',
    ok: { 302: null },
    errors: [404, 429, 502],
  })
  async start(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    const { url, state } = await this.sso.start(request.ip);
    const secure = this.config.sso.oidc?.redirectUrl.startsWith('https:') ? '; Secure' : '';
    // Lax: the provider's redirect back is a top-level GET, which Lax cookies ride along.
    void reply.header(
      'set-cookie',
      `${STATE_COOKIE}=${state}; Path=${COOKIE_PATH}; Max-Age=600; HttpOnly; SameSite=Lax${secure}`,
    );
    return { url, statusCode: 302 };
  }

  /** Where the provider sends the browser back: checks the login and hands it to the web UI. */
  @Get('oidc/callback')
  @Redirect()
  @ApiContract({
    id: 'ssoCallback',
    summary: "The provider's redirect back: on to the web UI with a one-time code",
    caller: 'none',
    ok: { 302: null },
    errors: [401, 403, 404, 409, 502],
  })
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    void reply.header('set-cookie', `${STATE_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly`);
    try {
      const { redirect } = await this.sso.callback({
        code: text(query.code),
        state: text(query.state),
        error: text(query.error),
        browserState: cookie(request, STATE_COOKIE),
        address: request.ip,
      });
      return { url: redirect, statusCode: 302 };
    } catch (error) {
      // A person's browser gets the login page saying what went wrong, not a JSON page;
      // API callers (no text/html in Accept) get the coded 4xx.
      const page = (request.headers.accept ?? '').includes('text/html');
      if (!page || !(error instanceof AuthError) || error.code === AuthErrorCode.SsoNotConfigured)
        throw error;
      return { url: this.sso.failurePage(error.code), statusCode: 302 };
    }
  }

  /** Arbiter's session for the one-time code of a single sign-on; the code is spent. */
  @Post('oidc/exchange')
  @ApiContract({
    id: 'ssoExchange',
    summary: 'Tokens for the one-time code of a single sign-on',
    caller: 'none',
    body: true,
    ok: { 200: 'SsoSession' },
    errors: [401, 403],
  })
  @HttpCode(200)
  exchange(@Body() body: SsoExchangeDto): Promise<SsoSession> {
    return this.sso.exchange(body.code);
  }

  /**
   * OpenID Connect Back-Channel Logout 1.0: the provider posts a signed logout token, and the
   * sessions it names are revoked. A refused token answers 400 in OAuth's error shape, which the
   * provider reads; nothing of it is cached.
   */
  @Post('oidc/backchannel-logout')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['logout_token'],
      properties: {
        logout_token: {
          type: 'string',
          description: "The provider's signed logout token (a JWT)",
        },
      },
    },
  })
  @ApiContract({
    id: 'ssoBackchannelLogout',
    summary: "The provider's back-channel logout: revokes the sessions its logout token names",
    description:
      'Register this URL at the provider as the back-channel logout URI. The logout token is ' +
      "checked against the provider's keys (iss, aud, iat, jti never seen before, the " +
      'back-channel logout event, sub and/or sid, no nonce); by `sid` the sessions signed in ' +
      'under that provider session are revoked, by `sub` alone every session of that person. ' +
      'A refused token: 400 with `error: invalid_request` and `error_description`.',
    caller: 'none',
    ok: { 200: null },
    errors: [404, 415, 502],
  })
  async backchannelLogout(
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    void reply.header('cache-control', 'no-store');
    // Without single sign-on the endpoint is not there (404), whatever the request looks like.
    if (!this.config.sso.oidc)
      throw new AuthError(AuthErrorCode.SsoNotConfigured, 'Single sign-on is not configured');
    if (!/^application\/x-www-form-urlencoded\b/i.test(type ?? ''))
      throw new UnsupportedMediaTypeException(
        `Content-Type must be application/x-www-form-urlencoded (got "${type || 'none'}")`,
      );
    // Nest's form parser gives an array for a repeated field: that is no single logout token.
    const token = (body as { logout_token?: unknown } | undefined)?.logout_token;
    try {
      await this.backchannel.run(typeof token === 'string' ? token : undefined);
    } catch (error) {
      if (!(error instanceof AuthError) || error.code !== AuthErrorCode.SsoLogoutTokenInvalid)
        throw error;
      const refusal: ErrorBody = {
        statusCode: 400,
        error: 'invalid_request',
        error_description: error.message,
        message: error.message,
        code: error.code,
      };
      void reply.status(400).send(refusal);
      return;
    }
    void reply.status(200).send();
  }
}
