import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { OversightModule } from '@arbiter/oversight';
import { OversightController } from './oversight.controller';

/** The loop in the api: its audit verdict handler (decisions are taken here) and the lead's endpoints. */
@Module({ imports: [AuthModule, OversightModule], controllers: [OversightController] })
export class OversightApiModule {}
