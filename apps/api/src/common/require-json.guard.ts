import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { FastifyRequest } from 'fastify';

/** 415 unless the body is JSON; a guard, so it answers before validation looks at the body. */
@Injectable()
export class RequireJsonGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const type = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new UnsupportedMediaTypeException(
        `Content-Type must be application/json (got "${type || 'none'}")`,
      );
    }
    return true;
  }
}
