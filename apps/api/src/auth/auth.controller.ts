import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginDto, RefreshDto, TokenPair } from '@arbiter/contracts';
import { FastifyRequest } from 'fastify';
import { AccountRepository, Login, TokenService } from '@arbiter/auth';
import { ApiContract } from '../common/api-contract.decorator';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
    private readonly logins: Login,
  ) {}

  /** Tokens for an email and password; 429 with Retry-After after too many failures for the account or address. */
  @Post('login')
  @ApiContract({
    id: 'login',
    summary: 'Tokens for an email and password',
    caller: 'none',
    body: true,
    ok: { 200: 'TokenPair' },
    errors: [401, 429],
  })
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPair> {
    return this.logins.run(body.email, body.password, request.ip);
  }

  /** A new pair for a refresh token, which is then spent: a second use signs the session out. */
  @Post('refresh')
  @ApiContract({
    id: 'refresh',
    summary: 'A new token pair; the refresh token is spent',
    caller: 'none',
    body: true,
    ok: { 200: 'TokenPair' },
    errors: [401],
  })
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.tokens.rotate(body.refreshToken, async (userId) => {
      const user = await this.accounts.findUserById(userId);
      return user && user.disabledAt === null ? user.role : null;
    });
  }

  /** Signs out the session of this refresh token: it and the session's access tokens stop working. */
  @Post('logout')
  @ApiContract({
    id: 'logout',
    summary: 'Sign the session of this refresh token out',
    caller: 'none',
    body: true,
    ok: { 204: null },
  })
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.tokens.logout(body.refreshToken);
  }
}
