import { expectEventually } from '@arbiter/testing';
import { CHAOS_SECONDS, ChaosStack } from './chaos-stack';
import { audit, Audit, secondsToRecover } from './invariants';
import { ReviewerCrew } from './reviewer-crew';
import { PhaseFigures, Traffic } from './traffic';

export interface ScenarioResult {
  audit: Audit;
  phases: Record<string, Omit<PhaseFigures, 'startedAt'>>;
  crew: ReviewerCrew['figures'];
  recoverSeconds: number;
  faultSeconds: number;
}

export interface ScenarioHooks {
  /** Breaks something and heals it; resolves when healed (the worker restarted, the store back). */
  fault: (stack: ChaosStack, crew: ReviewerCrew, traffic: Traffic) => Promise<void>;
  reviewers?: number;
  /** Where the crew connects (replica scenario: through the replica it kills). */
  reviewerUrl?: (stack: ChaosStack) => (index: number) => string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reviewers of the `support` queue, created through the admin API; their access tokens. */
export async function reviewerTokens(
  stack: ChaosStack,
  count: number,
  prefix: string,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}-reviewer-${i}@test.local`;
    const password = 'chaos-reviewer-1';
    const made = await stack.http.post(
      '/v1/users',
      { email, password, role: 'reviewer', queues: ['support'] },
      { token: stack.adminToken },
    );
    if (made.status !== 201)
      throw new Error(`reviewer: ${made.status} ${JSON.stringify(made.body)}`);
    const login = await stack.http.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password,
    });
    tokens.push(login.body.accessToken);
  }
  return tokens;
}

/**
 * One chaos scenario: steady submissions and working reviewers, the fault in the middle, then
 * traffic stops and every accepted submission must come to rest (final, or waiting in its
 * queue) with nothing lost, decided twice, delivered twice or approved because of the fault.
 * Prints the figures as one JSON line.
 */
export async function runScenario(
  name: string,
  stack: ChaosStack,
  hooks: ScenarioHooks,
): Promise<ScenarioResult> {
  const traffic = new Traffic(stack.http.baseUrl, stack.apiKey);
  const crew = new ReviewerCrew(
    await reviewerTokens(stack, hooks.reviewers ?? 3, name),
    hooks.reviewerUrl?.(stack) ?? (() => stack.http.baseUrl),
  );
  const calm = Math.max(3, CHAOS_SECONDS * 0.3) * 1000;
  traffic.mark('before');
  traffic.start();
  crew.start();
  await sleep(calm);
  traffic.mark('during');
  const faultStarted = Date.now();
  await hooks.fault(stack, crew, traffic);
  const healedAt = Date.now();
  traffic.mark('after');
  await sleep(calm);
  await traffic.stop();
  const stoppedAt = Date.now();
  const ids = [...traffic.accepted.keys()];
  const heldUp = [...traffic.accepted].filter(([, at]) => at <= healedAt).map(([id]) => id);
  // Everything accepted comes to rest; a generous bound, the figure is the measured time.
  const settled = await expectEventually(
    async () => {
      const now = await audit(stack.db, ids);
      if (now.unsettled > 0 || now.deliveries.pending)
        throw new Error(`not settled yet: ${JSON.stringify(now)}`);
      return now;
    },
    120_000,
    500,
  ).catch(async (error: Error) => {
    console.log(`${name}: ${error.message}`);
    return audit(stack.db, ids);
  });
  const settleSeconds = Math.round((Date.now() - stoppedAt) / 100) / 10;
  await crew.stop();
  const result: ScenarioResult = {
    audit: settled,
    phases: Object.fromEntries(
      [...traffic.phases].map(([phase, { startedAt: _, ...figures }]) => [phase, figures]),
    ),
    crew: crew.figures,
    recoverSeconds: await secondsToRecover(stack.db, heldUp, healedAt),
    faultSeconds: Math.round((healedAt - faultStarted) / 100) / 10,
  };
  const { accepted, lost, decidedTwice, deliveredTwice, faultApproved, unsettled } = settled;
  const duplicated = decidedTwice + deliveredTwice + settled.duplicateOutcomeEvents;
  console.log(
    JSON.stringify({
      scenario: name,
      seconds: CHAOS_SECONDS,
      accepted,
      lost,
      unsettled,
      duplicated,
      faultApproved,
      recoverSeconds: result.recoverSeconds,
      faultSeconds: result.faultSeconds,
      settleSeconds,
      final: settled.final,
      inQueue: settled.inQueue,
      approvedBy: settled.approvedBy,
      deliveries: settled.deliveries,
      decidedByReviewers: crew.figures.decided,
      reviewerRefusals: crew.figures.refused,
      reconnects: crew.figures.reconnects,
      intake: Object.fromEntries(
        Object.entries(result.phases).map(([p, f]) => [
          p,
          { ...f.statuses, slowestMs: f.slowestMs },
        ]),
      ),
    }),
  );
  return result;
}

/** The invariants every scenario must hold. */
export function expectInvariants(result: ScenarioResult): void {
  const { audit: a, phases } = result;
  expect(a.accepted).toBeGreaterThan(20);
  // The checks below bite only if the run went down every path: people and the AI reviewer approved.
  expect(a.approvedBy['human/human']).toBeGreaterThan(0);
  expect(a.approvedBy['ai/ai']).toBeGreaterThan(0);
  expect({
    lost: a.lost,
    unsettled: a.unsettled,
    decidedTwice: a.decidedTwice,
    deliveredTwice: a.deliveredTwice,
    duplicateOutcomeEvents: a.duplicateOutcomeEvents,
    faultApproved: a.faultApproved,
  }).toEqual({
    lost: 0,
    unsettled: 0,
    decidedTwice: 0,
    deliveredTwice: 0,
    duplicateOutcomeEvents: 0,
    faultApproved: 0,
  });
  // Reviewers' commands were refused, if at all, with a 4xx or a 503: never an internal error.
  expect(Object.keys(result.crew.refused).filter((key) => key.endsWith(':500'))).toEqual([]);
  // Intake never answered a 500 or hung, in any phase.
  for (const [phase, figures] of Object.entries(phases)) {
    const bad = Object.entries(figures.statuses).filter(
      ([status]) => status === 'hang' || (status.startsWith('5') && status !== '503'),
    );
    expect([phase, bad]).toEqual([phase, []]);
  }
}
