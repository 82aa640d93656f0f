import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { ClientQuota } from './client-quota.service';
import { AuthenticatedRequest, bearerToken } from './principal';
import { hashApiKey } from './secrets';

/** Authenticates a submitting service by `Authorization: Bearer <api key>`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly principals: ApiKeyPrincipals,
    private readonly quota: ClientQuota,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerToken(request);
    if (!key)
      throw new AuthError(
        AuthErrorCode.MissingCredentials,
        'Missing API key: send "Authorization: Bearer <api key>"',
      );
    const principal = await this.principals.lookup(hashApiKey(key));
    if (!principal) throw new AuthError(AuthErrorCode.InvalidApiKey, 'Invalid or revoked API key');
    const waitSeconds = await this.quota.admit(principal.clientId, principal.keyId);
    if (waitSeconds > 0) {
      const message = "Over this client's request rate: retry after the Retry-After seconds";
      throw new AuthError(AuthErrorCode.OverQuota, message, undefined, waitSeconds);
    }
    request.client = {
      kind: 'client',
      clientId: principal.clientId,
      keyId: principal.keyId,
      allowedPipelines: principal.allowedPipelines,
      workspaceId: principal.workspaceId,
    };
    return true;
  }
}
