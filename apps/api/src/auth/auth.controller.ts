import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TokenService, verifyPassword } from '@arbiter/auth';
import { LoginDto, RefreshDto, TokenPair } from '@arbiter/contracts';
import { AccountRepository } from '@arbiter/persistence';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto): Promise<TokenPair> {
    const user = await this.accounts.findUserByEmail(body.email);
    // The same answer for an unknown email and a wrong password: accounts are not disclosed.
    const ok =
      user !== null &&
      user.disabledAt === null &&
      (await verifyPassword(body.password, user.passwordHash));
    if (!user || !ok) throw new UnauthorizedException('Wrong email or password');
    return this.tokens.issue(user.id, user.role);
  }

  /** A new pair for a refresh token, which is then spent: a second use signs the session out. */
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.tokens.rotate(body.refreshToken, async (userId) => {
      const user = await this.accounts.findUserById(userId);
      return user && user.disabledAt === null ? user.role : null;
    });
  }

  /** Signs out the session of this refresh token: it and the session's access tokens stop working. */
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.tokens.logout(body.refreshToken);
  }
}
