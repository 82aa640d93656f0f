import { Injectable } from '@nestjs/common';
import { ProcessMetrics } from '@arbiter/observability';
import { Counter } from 'prom-client';

/** What the intake API counts, on the api process's registry. */
@Injectable()
export class IntakeMetrics {
  readonly accepted: Counter<'pipeline'>;

  constructor(metrics: ProcessMetrics) {
    this.accepted = new Counter({
      name: 'arbiter_submissions_accepted_total',
      help: 'Submissions committed by the intake API',
      labelNames: ['pipeline'],
      registers: [metrics.registry],
    });
  }
}
