import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { SessionRepository, SessionState } from './session.repository';

// Every request with an access token checks its user; a short cache keeps that to one query per
// user and session every few seconds. Every change is forgotten by every replica at once
// (AuthInvalidations); the TTL (ARBITER_AUTH_CACHE_TTL_MS) bounds how long a demoted, disabled
// or deleted user, or a logged-out session, keeps working on a replica that missed the news.
const CACHE_MAX = 10_000;

/** Whether the user behind an access token still exists, is enabled, holds that role, and the session stands. */
@Injectable()
export class ActiveUsers {
  private readonly cache = new Map<string, { state: SessionState | null; expires: number }>();
  // Bumped by every forget: a read still out when a change was forgotten may predate it, so
  // what it brings back is used once and not cached.
  private generation = 0;

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The reason the token must be refused, or null when it stands. */
  async refusal(userId: string, familyId: string, role: string): Promise<string | null> {
    const state = await this.state(userId, familyId);
    if (!state || state.disabled) return 'User is disabled or gone';
    if (state.familyRevoked) return 'This session was signed out';
    if (state.role !== role) return 'Your role changed: sign in again';
    return null;
  }

  /** Forgets what is cached about a user (after a change to them or their sessions). */
  forget(userId: string): void {
    this.generation++;
    for (const key of this.cache.keys()) if (key.startsWith(`${userId}:`)) this.cache.delete(key);
  }

  /** Forgets every cached user (after news may have been missed). */
  forgetAll(): void {
    this.generation++;
    this.cache.clear();
  }

  private async state(userId: string, familyId: string): Promise<SessionState | null> {
    const key = `${userId}:${familyId}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.state;
    const generation = this.generation;
    const state = await this.sessions.state(userId, familyId);
    if (generation !== this.generation) return state;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { state, expires: now + this.config.authCache.ttlMs });
    return state;
  }
}
