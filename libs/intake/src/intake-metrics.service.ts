import { Injectable } from '@nestjs/common';
import { ProcessMetrics } from '@arbiter/observability';
import { Counter, Histogram } from 'prom-client';

/** What the intake API counts, on the api process's registry. */
@Injectable()
export class IntakeMetrics {
  readonly accepted: Counter<'pipeline'>;
  /** Submissions per intake insert statement: above 1 when group commit gathered several. */
  readonly groupRows: Histogram;
  /** Submissions written alone after the insert of their group failed (one row may be bad). */
  readonly retriedAlone: Counter;

  constructor(metrics: ProcessMetrics) {
    this.accepted = new Counter({
      name: 'arbiter_submissions_accepted_total',
      help: 'Submissions committed by the intake API',
      labelNames: ['pipeline'],
      registers: [metrics.registry],
    });
    this.groupRows = new Histogram({
      name: 'arbiter_intake_group_commit_rows',
      help: 'Submissions written by one intake insert (one commit, one queue round trip)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [metrics.registry],
    });
    this.retriedAlone = new Counter({
      name: 'arbiter_intake_group_commit_retried_rows_total',
      help: 'Submissions written alone after the insert of their group failed',
      registers: [metrics.registry],
    });
  }
}
