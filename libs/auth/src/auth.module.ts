import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ApiKeyGuard } from './api-key.guard';
import { TokenService } from './token.service';
import { UserAuthGuard } from './user-auth.guard';

@Module({
  imports: [JwtModule.register({})],
  providers: [ApiKeyGuard, TokenService, UserAuthGuard],
  exports: [ApiKeyGuard, TokenService, UserAuthGuard, JwtModule],
})
export class AuthModule {}
