import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuthModule } from '../auth.module';
import { BackchannelLogout } from './backchannel-logout.use-case';
import { OidcClient } from './oidc-client.service';
import { SsoAccountRepository } from './sso-account.repository';
import { SSO_AUDIT, SsoAudit } from './sso-audit.port';
import { SsoLogin } from './sso-login.use-case';
import { SsoSessionRepository } from './sso-session.repository';
import { SsoStateStore } from './sso-state.store';

/** Single sign-on (OpenID Connect) and its back-channel logout; the api plugs in where its user changes are audited. */
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
        SsoSessionRepository,
        SsoLogin,
        BackchannelLogout,
        { provide: SSO_AUDIT, useExisting: audit },
      ],
      exports: [SsoLogin, BackchannelLogout],
    };
  }
}
