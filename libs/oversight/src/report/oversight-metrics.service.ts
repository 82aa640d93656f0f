import { Injectable, OnModuleInit } from '@nestjs/common';
import { ROLLOUT_DEFAULTS } from '../oversight.settings';
import { clopperPearsonUpper } from '@arbiter/scoring';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ProcessMetrics } from '@arbiter/observability';

interface EstimateRow {
  pipeline: string;
  target: string | null;
  delta: string | null;
  audits: number;
  w: number;
  w2: number;
  we: number;
}

// Σw, Σw², Σw·overturned per pipeline give the weighted estimate without reading every audit.
const ESTIMATES_SQL = `
  SELECT p.key AS pipeline, v.document->'rollout'->>'targetError' AS target, v.document->'qa'->>'delta' AS delta,
         count(a.id)::int AS audits,
         coalesce(sum(1 / a.sample_rate), 0)::float8 AS w,
         coalesce(sum(1 / (a.sample_rate * a.sample_rate)), 0)::float8 AS w2,
         coalesce(sum(1 / a.sample_rate) FILTER (WHERE a.overturned), 0)::float8 AS we
    FROM pipelines p
    JOIN policy_versions v ON v.pipeline_id = p.id AND v.version = p.active_version
    LEFT JOIN qa_audits a ON a.pipeline_id = p.id
   GROUP BY p.key, v.document`;

const BREAKER_VALUE: Record<string, number> = { closed: 0, half_open: 1, open: 2 };

/**
 * The self-checking loop on /metrics, read on scrape from PostgreSQL (so every api replica says
 * the same): each pipeline's breaker state, its escaped-error upper bound and target, firing
 * alerts and dead-lettered webhooks. ops/prometheus/alerts.yml alerts on them.
 */
@Injectable()
export class OversightMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ProcessMetrics,
    private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const db = this.db;
    new Gauge({
      name: 'arbiter_automation_breaker_state',
      help: "Each pipeline's automation breaker: 0 closed, 1 half-open, 2 open",
      labelNames: ['pipeline'],
      registers,
      async collect() {
        this.reset();
        const rows: { pipeline: string; state: string }[] = await db.query(
          `SELECT p.key AS pipeline, b.state FROM pipeline_breakers b JOIN pipelines p ON p.id = b.pipeline_id`,
        );
        for (const r of rows) this.set({ pipeline: r.pipeline }, BREAKER_VALUE[r.state] ?? 2);
      },
    });
    // One query serves both gauges: a scrape collects them concurrently, so they share its promise.
    let cached: { at: number; rows: Promise<EstimateRow[]> } | null = null;
    const estimates = (): Promise<EstimateRow[]> => {
      if (!cached || Date.now() - cached.at > 500)
        cached = { at: Date.now(), rows: db.query(ESTIMATES_SQL) };
      return cached.rows;
    };
    new Gauge({
      name: 'arbiter_escaped_error_upper_bound',
      help: 'Upper bound (1 - qa.delta) on the error rate among automatic approvals, from audits weighted by 1 / sampling rate',
      labelNames: ['pipeline'],
      registers,
      async collect() {
        this.reset();
        for (const r of await estimates()) {
          if (r.audits > 0)
            this.set(
              { pipeline: r.pipeline },
              boundOf(r, r.delta === null ? 0.05 : Number(r.delta)),
            );
        }
      },
    });
    new Gauge({
      name: 'arbiter_escaped_error_target',
      help: "The pipeline's target error among automatic approvals (rollout.targetError, else 0.05)",
      labelNames: ['pipeline'],
      registers,
      async collect() {
        this.reset();
        for (const r of await estimates()) {
          this.set(
            { pipeline: r.pipeline },
            r.target === null ? ROLLOUT_DEFAULTS.targetError : Number(r.target),
          );
        }
      },
    });
    new Gauge({
      name: 'arbiter_alerts_firing',
      help: "The self-checking loop's firing alerts, by kind",
      labelNames: ['kind'],
      registers,
      async collect() {
        this.reset();
        const rows: { kind: string; n: number }[] = await db.query(
          `SELECT kind, count(*)::int AS n FROM alerts WHERE status = 'firing' GROUP BY kind`,
        );
        for (const r of rows) this.set({ kind: r.kind }, r.n);
      },
    });
    new Gauge({
      name: 'arbiter_delivery_dead_letters',
      help: 'Outcome webhooks dead-lettered and not replayed',
      registers,
      async collect() {
        const [row]: { n: number }[] = await db.query(
          `SELECT count(*)::int AS n FROM delivery_events WHERE status = 'dead'`,
        );
        this.set(row.n);
      },
    });
  }
}

/** The estimator's bound from the weighted sums: Clopper–Pearson on Kish's effective size, as estimateEscapedErrors. */
function boundOf(r: { w: number; w2: number; we: number }, delta: number): number {
  const effective = (r.w * r.w) / r.w2;
  return clopperPearsonUpper((r.we / r.w) * effective, effective, delta);
}
