import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { StatsQueryError } from '@arbiter/stats';
import { FastifyReply } from 'fastify';

/** A stats filter that cannot hold (range backwards, unknown pipeline): 400 naming the field. */
@Catch(StatsQueryError)
export class StatsErrorFilter implements ExceptionFilter {
  catch(error: StatsQueryError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(error.httpStatus).send({
      statusCode: error.httpStatus,
      error: 'Bad Request',
      message: error.message,
      problems: [{ path: error.field, message: error.message }],
    });
  }
}
