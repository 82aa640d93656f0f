import { Module } from '@nestjs/common';
import { AuditLog } from '@arbiter/audit';
import { AuthModule, SsoModule } from '@arbiter/auth';
import { AuthController } from './auth.controller';
import { SsoController } from './sso.controller';

@Module({
  imports: [AuthModule, SsoModule.register(AuditLog)],
  controllers: [AuthController, SsoController],
})
export class AuthApiModule {}
