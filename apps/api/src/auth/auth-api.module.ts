import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { AuthController } from './auth.controller';
import { Login } from './login.use-case';

@Module({ imports: [AuthModule], controllers: [AuthController], providers: [Login] })
export class AuthApiModule {}
