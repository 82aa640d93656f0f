import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { PromptRegistry, PromptsModule } from '@arbiter/prompts';
import { PromptResolveController } from './prompt-resolve.controller';
import { PromptsController } from './prompts.controller';
import { PromptsDirLoader } from './prompts-dir.loader';

@Module({
  imports: [AuthModule, PromptsModule],
  controllers: [PromptsController, PromptResolveController],
  providers: [PromptsDirLoader],
})
export class PromptsApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly registry: PromptRegistry,
  ) {}

  onModuleInit(): void {
    // Labels, split and rollback settings, and the versions by number: the templates are kept as
    // versions already.
    this.snapshots.register('prompt', async (key) => {
      const view = await this.registry.view(key);
      return {
        key: view.key,
        labels: Object.fromEntries(Object.entries(view.labels).map(([l, v]) => [l, v.version])),
        split: view.split,
        rollback: view.rollback,
        versions: view.versions.map((v) => v.version),
      };
    });
  }
}
