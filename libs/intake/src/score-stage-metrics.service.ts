import { Injectable } from '@nestjs/common';
import { ProcessMetrics } from '@arbiter/observability';
import { Histogram } from 'prom-client';

/** The score stage's latency and grouping, on the worker process's registry. */
@Injectable()
export class ScoreStageMetrics {
  readonly scoreDuration: Histogram<'route'>;
  /** Routes applied by one transaction: above 1 when jobs running at once shared it. */
  readonly groupRows: Histogram;

  constructor(metrics: ProcessMetrics) {
    this.scoreDuration = new Histogram({
      name: 'arbiter_score_stage_duration_seconds',
      help: 'Score stage latency per submission (load, score, route, commit), by route',
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [metrics.registry],
    });
    this.groupRows = new Histogram({
      name: 'arbiter_score_group_rows',
      help: 'Routes applied by one score-stage transaction (one commit)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers: [metrics.registry],
    });
  }
}
