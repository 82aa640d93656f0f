import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ProcessMetrics } from './process-metrics';
import { Tracing } from './tracing';

/** Flushes the process's spans when the application shuts down. */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  constructor(@Inject(Tracing) private readonly tracing: Tracing) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}

/**
 * The process's metrics registry and tracing, global so every slice can use them without wiring.
 * `service` names the process in its traces (`arbiter-api`, `arbiter-worker`).
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      providers: [
        ProcessMetrics,
        {
          provide: Tracing,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new Tracing(service, config.otlpEndpoint),
        },
        TracingShutdown,
      ],
      exports: [ProcessMetrics, Tracing],
    };
  }
}
