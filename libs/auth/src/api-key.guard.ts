import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AccountRepository, ApiKeyPrincipal } from '@arbiter/persistence';
import { AuthenticatedRequest, bearerToken } from './principal';
import { hashApiKey } from './secrets';

// Keys are looked up on every submission; a short cache keeps that off the hot path.
// A revoked key stops working within this many milliseconds on every replica.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

/** Authenticates a submitting service by `Authorization: Bearer <api key>`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal; expires: number }>();

  constructor(private readonly accounts: AccountRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerToken(request);
    if (!key) throw new UnauthorizedException('Missing API key: send "Authorization: Bearer <api key>"');
    const principal = await this.lookup(hashApiKey(key));
    if (!principal) throw new UnauthorizedException('Invalid or revoked API key');
    request.client = {
      kind: 'client',
      clientId: principal.clientId,
      keyId: principal.keyId,
      allowedPipelines: principal.allowedPipelines,
    };
    return true;
  }

  private async lookup(hash: string): Promise<ApiKeyPrincipal | null> {
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expires > now) return hit.principal;
    const principal = await this.accounts.findPrincipalByKeyHash(hash);
    if (principal) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(hash, { principal, expires: now + CACHE_TTL_MS });
    } else {
      this.cache.delete(hash);
    }
    return principal;
  }
}
