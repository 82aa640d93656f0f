import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { ApiKeyGuard } from './api-key.guard';
import { ActiveUsers } from './active-users.service';
import { AuthInvalidations } from './auth-invalidations.service';
import { ClientQuota } from './client-quota.service';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { SessionRepository } from './session.repository';
import { TokenService } from './token.service';
import { UserAuthGuard } from './user-auth.guard';
import { AccountRepository } from './account.repository';
import { ClientAdmin } from './client-admin.use-case';
import { Login } from './login.use-case';
import { WorkspaceAccess } from './workspace-access.service';
import { WorkspaceMembers } from './workspace-members.service';
import { WorkspaceRepository } from './workspace.repository';

const PROVIDERS = [
  AccountRepository,
  ApiKeyPrincipals,
  ApiKeyGuard,
  TokenService,
  UserAuthGuard,
  SessionRepository,
  ActiveUsers,
  AuthInvalidations,
  LoginThrottle,
  PasswordHasher,
  ClientQuota,
  Login,
  ClientAdmin,
  WorkspaceRepository,
  WorkspaceAccess,
  WorkspaceMembers,
];

@Module({
  imports: [JwtModule.register({})],
  providers: PROVIDERS,
  exports: [...PROVIDERS, JwtModule],
})
export class AuthModule {}
