export * from './limits';
export * from './submission.dto';
export * from './submission-view';
export * from './auth.dto';
export * from './pipeline.dto';
export * from './problem';
export * from './delivery.dto';
export * from './review.dto';
