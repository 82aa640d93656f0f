import { Injectable } from '@nestjs/common';
import { queryRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';

/** An Arbiter session started by single sign-on, and the provider session behind it. */
export interface SsoSession {
  /** The Arbiter session: its refresh-token family. */
  familyId: string;
  userId: string;
  issuer: string;
  subject: string;
  /** The provider's session id (the ID token's `sid`), when it sends one. */
  sid: string | null;
}

/**
 * Which Arbiter sessions single sign-on started under which provider session, for back-channel
 * logout; and which user a provider subject is.
 */
@Injectable()
export class SsoSessionRepository {
  constructor(private readonly db: DataSource) {}

  /** Records a session about to be issued; the user's sessions that ended meanwhile are dropped. */
  async record(session: SsoSession): Promise<void> {
    // A family ends when its last refresh token expires. A row younger than an hour may be
    // another sign-in of this user whose tokens are being issued right now: it stays.
    await this.db.query(
      `DELETE FROM sso_sessions s
        WHERE s.user_id = $1 AND s.created_at < now() - interval '1 hour' AND NOT EXISTS (
          SELECT 1 FROM refresh_tokens r WHERE r.family_id = s.family_id AND r.expires_at > now())`,
      [session.userId],
    );
    await this.db.query(
      `INSERT INTO sso_sessions (family_id, user_id, issuer, subject, sid) VALUES ($1, $2, $3, $4, $5)`,
      [session.familyId, session.userId, session.issuer, session.subject, session.sid],
    );
  }

  /** The sessions of one provider session; of that subject only when `subject` is given. */
  async ofProviderSession(
    issuer: string,
    sid: string,
    subject: string | null,
  ): Promise<{ familyId: string; userId: string }[]> {
    return queryRows(
      this.db,
      `SELECT family_id AS "familyId", user_id AS "userId" FROM sso_sessions
        WHERE issuer = $1 AND sid = $2 AND ($3::text IS NULL OR subject = $3)`,
      [issuer, sid, subject],
    );
  }

  /** The user a provider subject signs in as, if it ever did. */
  async userOf(issuer: string, subject: string): Promise<string | null> {
    const rows = await queryRows<{ userId: string }>(
      this.db,
      `SELECT user_id AS "userId" FROM user_identities WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    );
    return rows[0]?.userId ?? null;
  }
}
