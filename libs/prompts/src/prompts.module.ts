import { Module } from '@nestjs/common';
import { OversightModule } from '@arbiter/oversight';
import { PromptQualityRepository } from './quality/prompt-quality.repository';
import { PromptQualityReport } from './quality/prompt-quality.use-case';
import { PromptRollbackWatch } from './quality/prompt-rollback-watch.use-case';
import { PromptRegistry } from './registry/prompt-registry.use-case';
import { PromptRepository } from './registry/prompt.repository';
import { PromptCache } from './resolve/prompt-cache.service';
import { ResolvePrompt } from './resolve/resolve-prompt.use-case';

const PROVIDERS = [
  PromptRepository,
  PromptCache,
  PromptRegistry,
  ResolvePrompt,
  PromptQualityRepository,
  PromptQualityReport,
  PromptRollbackWatch,
];

/** The prompt registry slice: versions, labels, resolve from cache, quality per version, automatic rollback. */
@Module({ imports: [OversightModule], providers: PROVIDERS, exports: PROVIDERS })
export class PromptsModule {}
