import { Global, Module } from '@nestjs/common';
import { QueueProducer } from './queue-producer.service';

@Global()
@Module({ providers: [QueueProducer], exports: [QueueProducer] })
export class QueueModule {}
