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
    const ok = user !== null && user.disabledAt === null && (await verifyPassword(body.password, user.passwordHash));
    if (!user || !ok) throw new UnauthorizedException('Wrong email or password');
    return this.tokens.issue(user.id, user.role);
  }

  @Post('refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    const claims = await this.tokens.verify(body.refreshToken, 'refresh');
    const user = await this.accounts.findUserById(claims.userId);
    if (!user || user.disabledAt !== null) throw new UnauthorizedException('User is disabled or gone');
    return this.tokens.issue(user.id, user.role);
  }
}
