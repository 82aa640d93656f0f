import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { ShadowError, ShadowErrorCode, ShadowModule, ShadowPolicies } from '@arbiter/shadow';
import { ShadowController } from './shadow.controller';

@Module({ imports: [AuthModule, ShadowModule], controllers: [ShadowController] })
export class ShadowApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly shadows: ShadowPolicies,
  ) {}

  onModuleInit(): void {
    // Which version runs in shadow since when; no shadow is a state too (null), not an error.
    this.snapshots.register('shadow', (key) =>
      this.shadows.compare(key).then(
        (c) => ({ pipeline: c.pipeline, shadowVersion: c.shadowVersion, since: c.since }),
        (error: unknown) => {
          if (error instanceof ShadowError && error.code === ShadowErrorCode.NoShadow) return null;
          throw error;
        },
      ),
    );
  }
}
