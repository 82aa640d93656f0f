import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ApiKeyPrincipals } from './api-key-principals.service';
import { AuthenticatedRequest, bearerToken } from './principal';
import { hashApiKey } from './secrets';

/** Authenticates a submitting service by `Authorization: Bearer <api key>`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly principals: ApiKeyPrincipals) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerToken(request);
    if (!key) throw new UnauthorizedException('Missing API key: send "Authorization: Bearer <api key>"');
    const principal = await this.principals.lookup(hashApiKey(key));
    if (!principal) throw new UnauthorizedException('Invalid or revoked API key');
    request.client = {
      kind: 'client',
      clientId: principal.clientId,
      keyId: principal.keyId,
      allowedPipelines: principal.allowedPipelines,
    };
    return true;
  }
}
