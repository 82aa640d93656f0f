import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { QueueProducer } from '@arbiter/queue';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { ApiContract } from '../common/api-contract.decorator';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer in ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/** Liveness of the things Arbiter cannot work without; 503 names what is down. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly producer: QueueProducer,
  ) {}

  @Get()
  @ApiContract({
    id: 'health',
    summary: 'Whether PostgreSQL and Redis answer',
    caller: 'none',
    ok: { 200: 'Health' },
    overrides: { 503: 'Health' },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.db.query('SELECT 1'), 'postgres').then(
        () => 'up',
        (e: Error) => `down: ${e.message}`,
      ),
      withTimeout(this.producer.connection.ping(), 'redis').then(
        () => 'up',
        (e: Error) => `down: ${e.message}`,
      ),
    ]);
    const down = Object.entries({ postgres, redis })
      .filter(([, state]) => state !== 'up')
      .map(([name]) => name);
    void reply.status(down.length ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status: down.length ? `down: ${down.join(', ')}` : 'ok', checks: { postgres, redis } };
  }
}
