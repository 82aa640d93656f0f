import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { ApiKeyGuard } from './api-key.guard';
import { ActiveUsers } from './active-users.service';
import { ClientQuota } from './client-quota.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { SessionRepository } from './session.repository';
import { TokenService } from './token.service';
import { UserAuthGuard } from './user-auth.guard';

@Module({
  imports: [JwtModule.register({})],
  providers: [
    ApiKeyPrincipals,
    ApiKeyGuard,
    TokenService,
    UserAuthGuard,
    SessionRepository,
    ActiveUsers,
    LoginThrottle,
    PasswordHasher,
    ClientQuota,
  ],
  exports: [
    ApiKeyPrincipals,
    ApiKeyGuard,
    TokenService,
    UserAuthGuard,
    SessionRepository,
    ActiveUsers,
    LoginThrottle,
    PasswordHasher,
    ClientQuota,
    JwtModule,
  ],
})
export class AuthModule {}
