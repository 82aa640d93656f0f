export * from './submission-states';
export * from './submission-workflow.service';
export * from './workflow.module';
export * from './policy-catalog.service';
export * from './routed-announcer.service';
