import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { StatsModule } from '@arbiter/stats';
import { DashboardGateway } from './dashboard.gateway';
import { StatsMetrics } from '@arbiter/stats';
import { StatsController } from './stats.controller';

@Module({
  imports: [AuthModule, StatsModule],
  controllers: [StatsController],
  // The lead's gauges are served by the api only, so each series exists once per deployment.
  providers: [DashboardGateway, StatsMetrics],
})
export class StatsApiModule {}
