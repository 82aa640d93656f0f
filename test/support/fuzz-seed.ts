import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { ArbiterHarness } from './arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from './fixtures';
import { MATRIX_PROMPT, MatrixData, SHADOWED_PIPELINE } from './isolation-cases';
import { supportPrompt } from './prompt-fixtures';

/** Fails the seeding with the answer when a step is refused: a fuzz run on missing data reaches little. */
function expectStatus(what: string, res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}

/**
 * What every route with an id or a key acts on, so the fuzz cases reach past the lookup of a
 * random id: the bootstrap client's waiting submission and its review task, a dataset, a prompt,
 * a shadowed policy version, and throwaway targets for admin writes (a user, another client and
 * its key), so no write disables or demotes the fuzz's own callers. Needs the worker running
 * (the submission is routed to review); the ids the isolation matrix's cases take.
 */
export async function seedFuzzData(arbiter: ArbiterHarness): Promise<MatrixData> {
  const admin = { token: await arbiter.adminAccessToken() };
  await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
  await arbiter.putPolicy(SHADOWED_PIPELINE, policy());
  // The pipeline the matrix applies a calibration refit to (a new version of support would not do).
  await arbiter.putPolicy(
    'billing',
    policy({ ...ALWAYS_HUMAN, review: { queue: 'billing', priority: 5, sla: '30m' } }),
  );
  await arbiter.createClient('other-client');
  const [{ id: otherClientId }] = await arbiter.db.query(
    `SELECT id FROM clients WHERE name = 'other-client'`,
  );
  const throwaway = await arbiter.http.post<{ id: string }>(
    '/v1/users',
    {
      email: 'throwaway@fuzz.local',
      password: 'fuzz-pass-1',
      role: 'reviewer',
      queues: ['support'],
    },
    admin,
  );
  expectStatus('throwaway user', throwaway, 201);
  const key = await arbiter.http.post<{ id: string }>(
    '/v1/api-keys',
    { clientId: otherClientId, name: 'throwaway' },
    admin,
  );
  expectStatus('throwaway key', key, 201);
  const held = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
    token: arbiter.bootstrapKey,
  });
  expectStatus('submission', held, 202);
  const taskId = await expectEventually(
    async () => {
      const rows = await arbiter.db.query(`SELECT id FROM review_tasks WHERE submission_id = $1`, [
        held.body.id,
      ]);
      expect(rows).toHaveLength(1);
      return rows[0].id as string;
    },
    20_000,
    100,
  );
  const [{ client_id: clientId }] = await arbiter.db.query(
    `SELECT client_id FROM submissions WHERE id = $1`,
    [held.body.id],
  );
  expectStatus(
    'prompt',
    await arbiter.http.put(
      `/v1/prompts/${MATRIX_PROMPT}`,
      supportPrompt({ labels: ['production'] }),
      admin,
    ),
    200,
  );
  const dataset = await arbiter.http.post<{ id: string }>(
    '/v1/datasets',
    { pipeline: 'support', client: clientId, name: 'fuzz' },
    admin,
  );
  expectStatus('dataset', dataset, 201);
  const shadowVersion = await arbiter.putPolicy(SHADOWED_PIPELINE, policy(ALWAYS_HUMAN), false);
  expectStatus(
    'shadow',
    await arbiter.http.put(
      `/v1/pipelines/${SHADOWED_PIPELINE}/shadow`,
      { version: shadowVersion },
      admin,
    ),
    200,
  );
  return {
    clientId,
    datasetId: dataset.body.id,
    submissionId: held.body.id,
    taskId,
    throwawayUserId: throwaway.body.id,
    memberUserId: throwaway.body.id,
    throwawayKeyId: key.body.id,
    otherClientId,
    unknownId: randomUUID(),
  };
}
