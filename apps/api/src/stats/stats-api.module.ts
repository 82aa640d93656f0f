import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { StatsModule } from '@arbiter/stats';
import { MetricsModule } from '../metrics/metrics.module';
import { DashboardSnapshots } from './dashboard-snapshot.use-case';
import { DashboardGateway } from './dashboard.gateway';
import { StatsMetrics } from './stats-metrics.service';
import { StatsController } from './stats.controller';

@Module({
  imports: [AuthModule, StatsModule, MetricsModule],
  controllers: [StatsController],
  providers: [DashboardSnapshots, DashboardGateway, StatsMetrics],
})
export class StatsApiModule {}
