import { Module } from '@nestjs/common';
import { BacklogRepository } from './backlog.repository';
import { FloorStats } from './floor-stats.service';
import { FlowStats } from './flow-stats.service';
import { FlowRepository } from './flow.repository';
import { RollupRepository } from './rollup.repository';
import { StatsExport } from './stats-export.service';
import { StatsFilterResolver } from './stats-filter.resolver';
import { StatsScopeRepository } from './stats-scope.repository';
import { DashboardSnapshots } from './dashboard-snapshot.use-case';
import { StatsReconcile } from './stats-reconcile.use-case';
import { StatsRollup } from './stats-rollup.use-case';

const PROVIDERS = [
  BacklogRepository,
  RollupRepository,
  FlowRepository,
  StatsScopeRepository,
  StatsFilterResolver,
  FloorStats,
  FlowStats,
  StatsExport,
  StatsRollup,
  StatsReconcile,
  DashboardSnapshots,
];

/** Lead stats: exact backlog counters, per-minute rollups and the reads over them. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class StatsModule {}
