import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { PipelineAdmin, PipelinesDirLoader, PipelinesModule } from '@arbiter/pipelines';
import { PipelinesController } from './pipelines.controller';

/** Pipelines over HTTP; the api (not the worker) applies ARBITER_PIPELINES_DIR at start. */
@Module({
  imports: [AuthModule, PipelinesModule],
  controllers: [PipelinesController],
  providers: [PipelinesDirLoader],
  exports: [PipelinesModule],
})
export class PipelinesApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly admin: PipelineAdmin,
  ) {}

  onModuleInit(): void {
    // Which version is active, split and kept, by number and checksum: the documents themselves
    // are in the pipeline's history already, and would make every entry as long as all of them.
    this.snapshots.register('pipeline', async (key) => {
      const view = await this.admin.view(key);
      return {
        key: view.key,
        activeVersion: view.activeVersion,
        previousVersions: view.previousVersions,
        split: view.split,
        versions: view.versions.map((v) => ({ version: v.version, checksum: v.checksum })),
      };
    });
  }
}
