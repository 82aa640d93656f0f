import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ErrorBody } from '@arbiter/contracts';
import { DomainError } from '@arbiter/errors';
import { FastifyReply } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { httpStatusOf } from './error-status';
import { isRedisUnavailable } from './redis-unavailable';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Maps HTTP and coded domain errors to one JSON error shape; anything unexpected is a logged 500. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const unavailable = exception instanceof HttpException ? null : unavailableStore(exception);
    if (unavailable) {
      this.logger.warn(`${unavailable} unavailable: ${(exception as Error).message}`);
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      void reply.status(503).send({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The ${unavailable} is unavailable; retry later`,
      });
      return;
    }
    if (exception instanceof DomainError && exception.retryAfterSeconds) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Partial<ErrorBody> & { message?: string | string[] };
        const message = Array.isArray(r.message)
          ? r.message.join('; ')
          : (r.message ?? exception.message);
        return {
          statusCode: status,
          error: STATUS_TEXT[status] ?? r.error ?? 'Error',
          message,
          problems: r.problems,
        };
      }
      return {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message: String(response),
      };
    }
    if (exception instanceof DomainError) {
      const status = httpStatusOf(exception);
      return {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message: exception.message,
        code: exception.code,
        problems: exception.problems,
      };
    }
    // Fastify's own errors (body too large, bad media type, malformed JSON) carry their status.
    const fastifyError = exception as { statusCode?: number; message?: string; code?: string };
    if (
      typeof fastifyError.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      return {
        statusCode: fastifyError.statusCode,
        error: STATUS_TEXT[fastifyError.statusCode] ?? 'Error',
        message: fastifyError.message ?? 'Bad request',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Internal server error',
    };
  }
}

/** Which backing store an error says is out of reach, if any (PostgreSQL first: it holds the data). */
function unavailableStore(exception: unknown): 'database' | 'queue store' | null {
  if (isDatabaseUnavailable(exception)) return 'database';
  if (isRedisUnavailable(exception)) return 'queue store';
  return null;
}
