// The prompt registry: immutable versions with language variants, labels, sticky A/B resolve
// served from an in-process cache, quality per version and automatic rollback.
export * from './prompts.errors';
export * from './registry/language-codes';
export * from './registry/prompt-template';
export * from './registry/prompt-document';
export * from './registry/prompt.repository';
export * from './registry/prompt-registry.use-case';
export * from './registry/prompt-diff';
export * from './resolve/ab-split';
export * from './resolve/prompt-cache.service';
export * from './resolve/resolve-prompt.use-case';
export * from './quality/ab-test';
export * from './quality/rollback.rules';
export * from './quality/prompt-quality.repository';
export * from './quality/prompt-quality.use-case';
export * from './quality/prompt-rollback-watch.use-case';
export * from './prompts.module';
