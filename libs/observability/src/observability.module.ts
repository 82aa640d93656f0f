import { Global, Module } from '@nestjs/common';
import { ProcessMetrics } from './process-metrics';

/** The process's metrics registry, global so every slice can register on it without wiring. */
@Global()
@Module({ providers: [ProcessMetrics], exports: [ProcessMetrics] })
export class ObservabilityModule {}
