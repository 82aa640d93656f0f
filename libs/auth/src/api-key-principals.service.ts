import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { AccountRepository, ApiKeyPrincipal } from './account.repository';

// Keys are looked up on every submission; a short cache keeps that off the hot path. A revoked
// key is forgotten by every replica at once (AuthInvalidations); the TTL
// (ARBITER_API_KEY_CACHE_TTL_MS) bounds how long it keeps working on a replica that missed the news.
const CACHE_MAX = 10_000;

/**
 * The client behind an API key hash, cached. One instance per process: Nest builds a guard per
 * module that uses it, so the cache lives here, where a revocation can clear it for all of them.
 */
@Injectable()
export class ApiKeyPrincipals {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal; expires: number }>();
  // Bumped by every forget: a read still out when a change was forgotten may predate it, so
  // what it brings back is used once and not cached.
  private generation = 0;

  constructor(
    private readonly accounts: AccountRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async lookup(hash: string): Promise<ApiKeyPrincipal | null> {
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expires > now) return hit.principal;
    const generation = this.generation;
    const principal = await this.accounts.findPrincipalByKeyHash(hash);
    if (generation !== this.generation) return principal;
    if (principal) {
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(hash, { principal, expires: now + this.config.authCache.apiKeyTtlMs });
    } else {
      this.cache.delete(hash);
    }
    return principal;
  }

  /** Forgets a key (after its revocation). */
  forget(keyId: string): void {
    this.generation++;
    for (const [hash, hit] of this.cache)
      if (hit.principal.keyId === keyId) this.cache.delete(hash);
  }

  /** Forgets every cached key (after news may have been missed; tests that truncate tables). */
  forgetAll(): void {
    this.generation++;
    this.cache.clear();
  }
}
