import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The retention sweep's reads: which submissions are due for erasure. */
@Injectable()
export class RetentionRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * A pipeline's final submissions decided more than `olderThanMs` ago whose text is still kept,
   * oldest first (the partial index ix_submissions_retention). One with an outbox event still to
   * deliver waits: its webhook goes out as recorded, and a later sweep erases it.
   */
  dueForErasure(pipelineId: string, olderThanMs: number, limit: number): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT s.id FROM submissions s
        WHERE s.pipeline_id = $1 AND s.erased_at IS NULL AND s.status IN ('approved', 'rejected', 'expired')
          AND s.decided_at < now() - $2 * interval '1 millisecond'
          AND NOT EXISTS (SELECT 1 FROM delivery_events e WHERE e.submission_id = s.id AND e.status = 'pending')
        ORDER BY s.decided_at LIMIT $3`,
      [pipelineId, olderThanMs, limit],
    );
  }
}
