export * from './user-admin.use-case';
export * from './people.module';
