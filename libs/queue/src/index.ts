export * from './queue-names';
export * from './redis-connection.factory';
export * from './queue-producer.service';
export * from './queue.module';
export * from './queue-keys';
