import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
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
      throw new UnauthorizedException('Missing API key: send "Authorization: Bearer <api key>"');
    const principal = await this.principals.lookup(hashApiKey(key));
    if (!principal) throw new UnauthorizedException('Invalid or revoked API key');
    const waitSeconds = await this.quota.admit(principal.clientId, principal.keyId);
    if (waitSeconds > 0) {
      void context
        .switchToHttp()
        .getResponse<{ header(name: string, value: string): unknown }>()
        .header('retry-after', String(waitSeconds));
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: "Over this client's request rate: retry after the Retry-After seconds",
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    request.client = {
      kind: 'client',
      clientId: principal.clientId,
      keyId: principal.keyId,
      allowedPipelines: principal.allowedPipelines,
    };
    return true;
  }
}
