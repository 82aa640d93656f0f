import { Injectable } from '@nestjs/common';
import { AccountRepository, ApiKeyPrincipal } from './account.repository';

// Keys are looked up on every submission; a short cache keeps that off the hot path.
// A revoked key stops working at once on the replica that revoked it, within this TTL elsewhere.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

/**
 * The client behind an API key hash, cached. One instance per process: Nest builds a guard per
 * module that uses it, so the cache lives here, where a revocation can clear it for all of them.
 */
@Injectable()
export class ApiKeyPrincipals {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal; expires: number }>();

  constructor(private readonly accounts: AccountRepository) {}

  async lookup(hash: string): Promise<ApiKeyPrincipal | null> {
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

  /** Forgets every cached key (after a revocation). */
  forgetAll(): void {
    this.cache.clear();
  }
}
