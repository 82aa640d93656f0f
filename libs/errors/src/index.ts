export * from './domain-error';
export * from './each-isolated';
