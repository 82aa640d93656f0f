import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from './limits';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.com' })
  @IsEmail()
  @MaxLength(LIMITS.email)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.password)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(4096)
  refreshToken!: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** The one-time code the single sign-on callback put in the web UI's address (`#sso=<code>`). */
export class SsoExchangeDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, {
    message: 'code must be the sign-in code from the callback',
  })
  code!: string;
}

/** An Arbiter session from single sign-on: the tokens of a password login, and whose they are. */
export interface SsoSession extends TokenPair {
  email: string;
}

/** How people sign in here (public: the login page reads it before anyone is signed in). */
export interface AuthConfigView {
  /** false: only single sign-on; POST /v1/auth/login answers 403. */
  localLogin: boolean;
  /** The single sign-on button's provider name; null when not configured. */
  sso: { name: string; startUrl: string } | null;
}
