import { Injectable } from '@nestjs/common';
import { ColumnMap, pickColumns, queryRows, selectList, UserRole } from '@arbiter/persistence';
import { DataSource, EntityManager } from 'typeorm';

/** What a request's token is checked against: the user's current row and its session family. */
export interface SessionState {
  role: UserRole;
  disabled: boolean;
  familyRevoked: boolean;
}

/** The outcome of presenting a refresh token. */
export type RefreshUse =
  | { kind: 'used'; familyId: string; userId: string }
  | { kind: 'replayed'; familyId: string }
  | { kind: 'unknown' };

/** Whose a refresh token is: its session family and its user. */
interface RefreshTokenOwner {
  familyId: string;
  userId: string;
}

/** Where each field of RefreshTokenOwner lives in `refresh_tokens`. */
const OWNER_COLUMN_MAP: ColumnMap<RefreshTokenOwner> = {
  familyId: 'family_id',
  userId: 'user_id',
};
const OWNER_COLUMNS = selectList(OWNER_COLUMN_MAP);
const FAMILY_COLUMN = selectList(pickColumns(OWNER_COLUMN_MAP, ['familyId'] as const));

/** Users' sessions: refresh-token families, and the per-request state of a user. */
@Injectable()
export class SessionRepository {
  constructor(private readonly db: DataSource) {}

  /** The user's role and disabled flag, and whether this session family is revoked; null when the user is gone. */
  async state(userId: string, familyId: string): Promise<SessionState | null> {
    const rows = await queryRows<SessionState>(
      this.db,
      `SELECT u.role, u.disabled_at IS NOT NULL AS disabled,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL) AS "familyRevoked"
         FROM users u WHERE u.id = $1`,
      [userId, familyId],
    );
    return rows[0] ?? null;
  }

  /** Records a new refresh token; the user's expired ones are dropped on the way. */
  async issue(token: {
    id: string;
    familyId: string;
    userId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query(`DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now()`, [
      token.userId,
    ]);
    await this.db.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, expires_at) VALUES ($1, $2, $3, $4)`,
      [token.id, token.familyId, token.userId, token.expiresAt],
    );
  }

  /** Marks a refresh token used, once: a second use of the same token is a replay. */
  async use(tokenId: string): Promise<RefreshUse> {
    const used = await queryRows<RefreshTokenOwner>(
      this.db,
      `UPDATE refresh_tokens SET used_at = now()
        WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING ${OWNER_COLUMNS}`,
      [tokenId],
    );
    if (used[0]) return { kind: 'used', ...used[0] };
    const seen = await queryRows<Pick<RefreshTokenOwner, 'familyId'> & { spent: boolean }>(
      this.db,
      `SELECT ${FAMILY_COLUMN}, (used_at IS NOT NULL OR revoked_at IS NOT NULL) AS spent FROM refresh_tokens WHERE id = $1`,
      [tokenId],
    );
    return seen[0]?.spent ? { kind: 'replayed', familyId: seen[0].familyId } : { kind: 'unknown' };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.revokeFamilies([familyId]);
  }

  /** Signs out these sessions (every refresh and access token of each family). */
  async revokeFamilies(familyIds: string[]): Promise<void> {
    if (familyIds.length === 0) return;
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL`,
      [familyIds],
    );
  }

  /** Signs out every session of a user; how many sessions were still open. */
  async revokeAllOf(userId: string): Promise<number> {
    const rows = await revokeAllOf(this.db, userId);
    return new Set(rows.map((r) => r.familyId)).size;
  }

  /** Disables (or re-enables) a user; disabling revokes every session. False when the user is gone. */
  async setDisabled(userId: string, disabled: boolean): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string }>(
        tx,
        `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END WHERE id = $1 RETURNING id`,
        [userId, disabled],
      );
      if (disabled) await revokeAllOf(tx, userId);
      return rows.length > 0;
    });
  }
}

function revokeAllOf(db: DataSource | EntityManager, userId: string): Promise<RefreshTokenOwner[]> {
  return queryRows<RefreshTokenOwner>(
    db,
    `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
     RETURNING ${OWNER_COLUMNS}`,
    [userId],
  );
}
