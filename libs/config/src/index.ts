export * from './app-config';
export * from './load-config';
export * from './config.module';
export * from './ai-review-config';
export * from './test-environment';
export * from './prompts-config';
export * from './redis-config';
export * from './sso-config';
