import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuthModule } from '../auth.module';
import { OidcClient } from './oidc-client.service';
import { SsoAccountRepository } from './sso-account.repository';
import { SSO_AUDIT, SsoAudit } from './sso-audit.port';
import { SsoLogin } from './sso-login.use-case';
import { SsoStateStore } from './sso-state.store';

/** Single sign-on (OpenID Connect); the api plugs in where its user changes are audited. */
@Module({})
export class SsoModule {
  static register(audit: Type<SsoAudit>): DynamicModule {
    return {
      module: SsoModule,
      imports: [AuthModule],
      providers: [
        OidcClient,
        SsoStateStore,
        SsoAccountRepository,
        SsoLogin,
        { provide: SSO_AUDIT, useExisting: audit },
      ],
      exports: [SsoLogin],
    };
  }
}
