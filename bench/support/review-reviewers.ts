import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';
import { BenchReviewer } from './review-seeder';

interface Ack {
  ok: boolean;
  error?: { status: number; message: string };
  task?: { task: { id: string; leaseToken: string; priority: number; queue: string } } | null;
  result?: string;
}

/** What the simulated reviewers saw in one window (latencies in ms, unsorted). */
export interface ReviewLoadResult {
  claimMs: number[];
  decideMs: number[];
  /** From a decision's ack to the next claimed task in hand. */
  decisionToNextTaskMs: number[];
  decided: number;
  emptyClaims: number;
  /** Refusals and timeouts, by "command status" (e.g. "decide 409", "claim timeout"). */
  errors: Record<string, number>;
  claimedPriorities: Record<number, number>;
  elapsedMs: number;
  /** Event-loop delay of this bench process (ms): a stall here inflates every latency it measures. */
  clientLoopDelayP99Ms: number;
  clientLoopDelayMaxMs: number;
}

const ACK_TIMEOUT_MS = 10_000;
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Connects every reviewer to /review over websocket with its access token. */
export async function connectReviewers(
  baseUrl: string,
  reviewers: BenchReviewer[],
): Promise<Socket[]> {
  return Promise.all(
    reviewers.map(
      (r) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(`${baseUrl}/review`, {
            auth: { token: r.token },
            transports: ['websocket'],
            reconnection: false,
            timeout: ACK_TIMEOUT_MS,
          });
          socket.once('connect', () => resolve(socket));
          socket.once('connect_error', (e) => reject(new Error(`${r.email}: ${e.message}`)));
        }),
    ),
  );
}

/**
 * Every socket loops claim → decide(approve) until `durationMs` has passed (a loop in flight
 * finishes its decision, so no task is left claimed). Each reviewer works one task at a time,
 * as a person would: with thinkMs 0 as fast as the api answers (saturation), otherwise reading
 * each task for thinkMs (±50 %, so reviewers do not march in step) before deciding.
 */
export async function runReviewers(
  sockets: Socket[],
  durationMs: number,
  thinkMs = 0,
): Promise<ReviewLoadResult> {
  const out: ReviewLoadResult = {
    claimMs: [],
    decideMs: [],
    decisionToNextTaskMs: [],
    decided: 0,
    emptyClaims: 0,
    errors: {},
    claimedPriorities: {},
    elapsedMs: 0,
    clientLoopDelayP99Ms: 0,
    clientLoopDelayMaxMs: 0,
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const fail = (what: string) => void (out.errors[what] = (out.errors[what] ?? 0) + 1);
  const send = async (socket: Socket, command: string, payload: unknown): Promise<Ack | null> => {
    try {
      return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(command, payload)) as Ack;
    } catch {
      fail(`${command} timeout`);
      return null;
    }
  };
  const start = now();
  const end = start + durationMs;
  await Promise.all(
    sockets.map(async (socket) => {
      let lastDecisionAt: number | null = null;
      // Paced reviewers start spread over one think time, not all at the same instant.
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * Math.random()));
      while (now() < end) {
        const t0 = now();
        const claim = await send(socket, 'claim', {});
        const t1 = now();
        if (!claim) continue;
        out.claimMs.push(t1 - t0);
        if (!claim.ok) {
          fail(`claim ${claim.error?.status}`);
          continue;
        }
        if (!claim.task) {
          out.emptyClaims++;
          lastDecisionAt = null;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        if (lastDecisionAt !== null) out.decisionToNextTaskMs.push(t1 - lastDecisionAt);
        const { id, leaseToken, priority } = claim.task.task;
        out.claimedPriorities[priority] = (out.claimedPriorities[priority] ?? 0) + 1;
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
        const t2 = now();
        const decision = await send(socket, 'decide', {
          taskId: id,
          leaseToken,
          action: 'approve',
        });
        const t3 = now();
        lastDecisionAt = null;
        if (!decision) continue;
        out.decideMs.push(t3 - t2);
        if (!decision.ok || decision.result !== 'decided') {
          fail(`decide ${decision.error?.status ?? decision.result}`);
          continue;
        }
        out.decided++;
        lastDecisionAt = t3;
      }
    }),
  );
  out.elapsedMs = now() - start;
  loopDelay.disable();
  out.clientLoopDelayP99Ms = Math.round(loopDelay.percentile(99) / 1e4) / 100;
  out.clientLoopDelayMaxMs = Math.round(loopDelay.max / 1e4) / 100;
  return out;
}

const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
  return Math.round(v * 100) / 100;
};

/** The figures of one window: latency percentiles (ms), decisions per second, refusals. */
export function summariseLoad(run: ReviewLoadResult) {
  return {
    claimP50Ms: pct(run.claimMs, 50),
    claimP99Ms: pct(run.claimMs, 99),
    claimMaxMs: pct(run.claimMs, 100),
    decideP50Ms: pct(run.decideMs, 50),
    decideP99Ms: pct(run.decideMs, 99),
    decisionsPerSec: Math.round((10 * run.decided) / (run.elapsedMs / 1000)) / 10,
    decisionToNextTaskP50Ms: pct(run.decisionToNextTaskMs, 50),
    decisionToNextTaskP99Ms: pct(run.decisionToNextTaskMs, 99),
    claims: run.claimMs.length,
    decided: run.decided,
    emptyClaims: run.emptyClaims,
    errors: run.errors,
    claimedPriorities: run.claimedPriorities,
    clientLoopDelayP99Ms: run.clientLoopDelayP99Ms,
    clientLoopDelayMaxMs: run.clientLoopDelayMaxMs,
  };
}
