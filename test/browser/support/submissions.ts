import { expectEventually } from '@arbiter/testing';
import type { ArbiterHarness } from '../../support/arbiter.harness';
import { submissionBody } from '../../support/fixtures';

/**
 * Submits an output (submissionBody with `overrides`) and waits until its review task exists, so
 * a desk test claims tasks in the order it submitted them: scoring runs in parallel, and within a
 * priority tasks are served in the order they reach the queue. The submission's id.
 */
export async function submitForReview(
  arbiter: ArbiterHarness,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await arbiter.http.post<{ id: string }>(
    '/v1/submissions',
    submissionBody(overrides),
    {
      token: arbiter.bootstrapKey,
    },
  );
  await expectEventually(async () => {
    expect(
      await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE submission_id = $1`, [res.body.id]),
    ).toHaveLength(1);
  });
  return res.body.id;
}
