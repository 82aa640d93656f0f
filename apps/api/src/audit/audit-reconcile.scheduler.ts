import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ReconcileAuditIntents } from '@arbiter/audit';
import { APP_CONFIG, AppConfig } from '@arbiter/config';

/**
 * Runs the audit reconciler in the api, at start and then every `audit.reconcileEveryMs`: it
 * reads targets through the readers the api's modules register (the worker has none), and an api
 * that starts again after dying is where its unfinished calls are looked at first. Every replica
 * runs it; each unfinished call is recorded once all the same.
 */
@Injectable()
export class AuditReconcileScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditReconcileScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconcile: ReconcileAuditIntents,
  ) {}

  /** Awaited: an api started again after dying records the calls it left before taking new ones. */
  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), this.config.audit.reconcileEveryMs);
    this.timer.unref();
    await this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): Promise<void> {
    // One run at a time: a slow database must not stack runs up.
    if (this.running) return this.running;
    this.running = this.reconcile
      .execute(this.config.audit.unconfirmedAfterMs)
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn(`audit reconciliation failed: ${(error as Error).message}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
