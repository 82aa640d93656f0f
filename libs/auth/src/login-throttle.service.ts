import { Inject, Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueProducer } from '@arbiter/queue';
import { createHash } from 'node:crypto';

/** A login refused before its password is checked: too many recent failures. */
export class LoginThrottled extends AuthError {
  constructor(retryAfterSeconds: number) {
    super(
      AuthErrorCode.LoginThrottled,
      `Too many failed logins: try again in ${retryAfterSeconds} s`,
      undefined,
      retryAfterSeconds,
    );
  }
}

/** The counters one login attempt holds a place in. */
export interface LoginReservation {
  accountKey: string;
  addressKey: string;
}

// Each attempt takes a place in its account's and its address's failure counters before the
// password is hashed (so a burst of parallel attempts cannot all get through before the first
// failure is counted), or is refused with the wait until the fuller counter's window ends.
// Refused attempts take no place, so the window is not extended by hammering it.
const RESERVE = `
local account = redis.call('INCR', KEYS[1])
if account == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
local address = redis.call('INCR', KEYS[2])
if address == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
if account > tonumber(ARGV[1]) or address > tonumber(ARGV[2]) then
  redis.call('DECR', KEYS[1])
  redis.call('DECR', KEYS[2])
  local wait = 0
  if account > tonumber(ARGV[1]) then wait = redis.call('PTTL', KEYS[1]) end
  if address > tonumber(ARGV[2]) then wait = math.max(wait, redis.call('PTTL', KEYS[2])) end
  return math.max(wait, 1)
end
return 0`;

/**
 * Login throttling per account and per client address, in Redis so every api replica counts the
 * same failures. A success frees its places and clears the account's count; a failure keeps them.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes a place for one attempt, or throws LoginThrottled. */
  async reserve(email: string, address: string): Promise<LoginReservation> {
    // Both keys carry the prefix's hash tag: one Redis Cluster slot, so one script takes both.
    const prefix = `${this.config.redisPrefix}:login`;
    // Hashed: Redis never holds email addresses (which may not even be accounts).
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const reservation = {
      accountKey: `${prefix}:account:${account}`,
      addressKey: `${prefix}:address:${address}`,
    };
    const { maxFailuresPerAccount, maxFailuresPerAddress, windowSeconds } =
      this.config.loginThrottle;
    const waitMs = (await this.producer.connection.eval(
      RESERVE,
      2,
      reservation.accountKey,
      reservation.addressKey,
      maxFailuresPerAccount,
      maxFailuresPerAddress,
      windowSeconds * 1000,
    )) as number;
    if (waitMs > 0) throw new LoginThrottled(Math.ceil(waitMs / 1000));
    return reservation;
  }

  /** The password was right: the account starts afresh and the address gets its place back. */
  async succeeded(reservation: LoginReservation): Promise<void> {
    await this.producer.connection
      .multi()
      .del(reservation.accountKey)
      .decr(reservation.addressKey)
      .exec();
  }

  /** The attempt ended without an answer on the password (an outage): it gives its places back. */
  async abandoned(reservation: LoginReservation): Promise<void> {
    await this.producer.connection
      .multi()
      .decr(reservation.accountKey)
      .decr(reservation.addressKey)
      .exec();
  }
}
