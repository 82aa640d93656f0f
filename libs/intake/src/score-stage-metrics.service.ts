import { Injectable } from '@nestjs/common';
import { ProcessMetrics } from '@arbiter/observability';
import { Histogram } from 'prom-client';

/** The score stage's latency, on the worker process's registry. */
@Injectable()
export class ScoreStageMetrics {
  readonly scoreDuration: Histogram<'route'>;

  constructor(metrics: ProcessMetrics) {
    this.scoreDuration = new Histogram({
      name: 'arbiter_score_stage_duration_seconds',
      help: 'Score stage latency per submission (load, score, route, commit), by route',
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [metrics.registry],
    });
  }
}
