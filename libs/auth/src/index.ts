export * from './principal';
export * from './secrets';
export * from './api-key-principals.service';
export * from './api-key.guard';
export * from './token.service';
export * from './user-auth.guard';
export * from './current-principal.decorator';
export * from './auth.module';
