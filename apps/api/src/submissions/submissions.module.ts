import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { IntakeModule } from '@arbiter/intake';
import { RetentionModule } from '@arbiter/retention';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [AuthModule, IntakeModule, RetentionModule],
  controllers: [SubmissionsController],
})
export class SubmissionsModule {}
