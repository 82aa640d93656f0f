import { MigrationInterface, QueryRunner } from 'typeorm';

/** A per-client request rate (per API key, per second); NULL = the configured default. */
export class ClientQuotas1764189500000 implements MigrationInterface {
  name = 'ClientQuotas1764189500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clients ADD COLUMN requests_per_second int
        CONSTRAINT ck_clients_requests_per_second CHECK (requests_per_second IS NULL OR requests_per_second > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clients DROP COLUMN IF EXISTS requests_per_second`);
  }
}
