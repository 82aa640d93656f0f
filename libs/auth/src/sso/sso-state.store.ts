import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueProducer } from '@arbiter/queue';
import { UserRole } from '@arbiter/persistence';
import { createHash } from 'node:crypto';

/** What a login in progress keeps between its start and the provider's callback. */
export interface PendingLogin {
  nonce: string;
  verifier: string;
}

/** A signed-in user waiting for the web UI to collect their session. */
export interface Handoff {
  userId: string;
  role: UserRole;
  email: string;
  /**
   * The provider account and session (the ID token's `sid`) the session is recorded under, for
   * back-channel logout. Absent only in handoffs parked by an older release during a deploy.
   */
  provider?: ProviderSession;
}

/** The provider account and session a sign-in came from. */
export interface ProviderSession {
  issuer: string;
  subject: string;
  /** The ID token's `sid`, when the provider sends one. */
  sid: string | null;
  /** The ID token's `iat`: a logout the provider issued later ends this sign-in too. */
  issuedAt: number;
}

const STATE_TTL_MS = 10 * 60_000;
const HANDOFF_TTL_MS = 60_000;
/** Sign-ins one address may start per state lifetime: each holds a key in Redis until it lapses. */
export const MAX_STARTS_PER_ADDRESS = 100;

// Counts a start for its address, the window opening with the first; the wait when over.
const COUNT_START = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then return math.max(redis.call('PTTL', KEYS[1]), 1) end
return 0`;

/**
 * Single-use records of single sign-on in Redis, shared by every api replica: a login's state
 * (10 minutes), the one-time code that hands its session to the web UI (60 seconds) and the
 * `jti` of each logout token received (until the token would be refused anyway). Taken
 * with GETDEL, so a replayed state or code finds nothing, even when two arrive at once. Keys
 * hold a hash of the secret, never the secret.
 */
@Injectable()
export class SsoStateStore {
  constructor(
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Keeps a login's state, unless its address started too many (a flood of starts would fill
   * Redis with states nobody completes): then the wait in ms before it may start again.
   */
  async putLogin(state: string, login: PendingLogin, address: string): Promise<number> {
    const wait = (await this.producer.connection.eval(
      COUNT_START,
      1,
      this.key('starts', address),
      MAX_STARTS_PER_ADDRESS,
      STATE_TTL_MS,
    )) as number;
    if (wait > 0) return wait;
    await this.put('state', state, login, STATE_TTL_MS);
    return 0;
  }

  /** The login of this state, once; null when unknown, expired or already used. */
  takeLogin(state: string): Promise<PendingLogin | null> {
    return this.take<PendingLogin>('state', state);
  }

  async putHandoff(code: string, handoff: Handoff): Promise<void> {
    await this.put('handoff', code, handoff, HANDOFF_TTL_MS);
  }

  takeHandoff(code: string): Promise<Handoff | null> {
    return this.take<Handoff>('handoff', code);
  }

  /**
   * Remembers a logout token's `jti` until `untilEpochSeconds` (after which the token is refused
   * anyway); false when it was already seen: a replay.
   */
  async firstUseOfLogoutToken(
    issuer: string,
    jti: string,
    untilEpochSeconds: number,
  ): Promise<boolean> {
    const ttlMs = Math.max(untilEpochSeconds * 1000 - Date.now(), 1000);
    const set = await this.producer.connection.set(
      this.key('logout-jti', `${issuer} ${jti}`),
      '1',
      'PX',
      ttlMs,
      'NX',
    );
    return set === 'OK';
  }

  /** Forgets a logout token's `jti`: its logout failed midway and the provider may send it again. */
  async forgetLogoutToken(issuer: string, jti: string): Promise<void> {
    await this.producer.connection.del(this.key('logout-jti', `${issuer} ${jti}`));
  }

  /**
   * Remembers for a handoff's lifetime that the provider ended this session (`sid`) or all of
   * this subject's (`sub` alone) at `issuedAt` (its clock): a sign-in whose session is not
   * issued yet when the logout arrives is refused at the exchange instead of outliving it.
   */
  async markProviderLogout(
    issuer: string,
    ended: { sid: string | null; sub: string | null },
    issuedAt: number,
  ): Promise<void> {
    const key = ended.sid
      ? this.key('ended', `${issuer} sid ${ended.sid}`)
      : this.key('ended', `${issuer} sub ${ended.sub}`);
    await this.producer.connection.set(key, String(issuedAt), 'PX', 2 * HANDOFF_TTL_MS);
  }

  /** Whether the provider logged this session or its subject out after the sign-in's ID token. */
  async loggedOutSince(session: ProviderSession): Promise<boolean> {
    const { issuer, subject, sid } = session;
    const keys = [this.key('ended', `${issuer} sub ${subject}`)];
    if (sid) keys.push(this.key('ended', `${issuer} sid ${sid}`));
    const marks = await this.producer.connection.mget(...keys);
    return marks.some((mark) => mark !== null && Number(mark) >= session.issuedAt);
  }

  private key(kind: string, secret: string): string {
    const hash = createHash('sha256').update(secret).digest('base64url');
    return `${this.config.redisPrefix}:oidc:${kind}:${hash}`;
  }

  private async put(kind: string, secret: string, value: unknown, ttlMs: number): Promise<void> {
    await this.producer.connection.set(this.key(kind, secret), JSON.stringify(value), 'PX', ttlMs);
  }

  private async take<T>(kind: string, secret: string): Promise<T | null> {
    const raw = await this.producer.connection.getdel(this.key(kind, secret));
    return raw === null ? null : (JSON.parse(raw) as T);
  }
}
