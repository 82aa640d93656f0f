// Shadow policy versions: a candidate scores live traffic beside the active version, without routing.
export * from './shadow.errors';
export * from './shadow.repository';
export * from './shadow-scorer.subscriber';
export * from './shadow-policies.use-case';
export * from './shadow.module';
