import { Agent, createServer, request, Server } from 'node:http';
import { io, Socket } from 'socket.io-client';
import { BENCH_BODY } from './intake-workload';

const REVIEW = `review: { queue: soak, priority: 5, sla: 1h, reasonCodes: [inaccurate] }`;
const SIGNALS = `signals:\n  grounding: { weight: 1 }\nvalidators:\n  - { type: length, max: 4000, onFail: flag }`;

/**
 * Three pipelines, so the soak exercises each path: everything approved by the policy; every
 * item to people; approvals of which a tenth are audited by people (the QA loop and breaker).
 */
export const SOAK_POLICIES: Record<string, string> = {
  'soak-auto': `pipeline: soak-auto\n${SIGNALS}\nthresholds: { autoApprove: 0, aiReview: 0 }\n${REVIEW}\n`,
  'soak-review': `pipeline: soak-review\n${SIGNALS}\nthresholds: { autoApprove: 1, aiReview: 1 }\n${REVIEW}\n`,
  'soak-audited': `pipeline: soak-audited\n${SIGNALS}\nthresholds: { autoApprove: 0, aiReview: 0 }\n${REVIEW}\nqa: { sampleAutoApproved: 0.1 }\nbreaker: { maxOverrideRate: 0.5, window: 200, minSamples: 30 }\n`,
};

/** What the traffic did, for the report. */
export interface TrafficCounts {
  submitted: number;
  accepted: number;
  refused: Record<string, number>;
  claims: number;
  decided: number;
  reviewErrors: Record<string, number>;
  webhooks: number;
}

export function newCounts(): TrafficCounts {
  return {
    submitted: 0,
    accepted: 0,
    refused: {},
    claims: 0,
    decided: 0,
    reviewErrors: {},
    webhooks: 0,
  };
}

const bump = (m: Record<string, number>, k: string) => void (m[k] = (m[k] ?? 0) + 1);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A local webhook endpoint that answers 204 to every delivery and counts them. */
export async function startReceiver(
  counts: TrafficCounts,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      counts.webhooks++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hooks`, server };
}

/**
 * The submitting service's connections: a bounded keep-alive pool, as a real client has. An
 * unbounded one (fetch's) opens a socket per request in flight whenever the machine is slow,
 * and the api's descriptor count then measures the load generator, not the api.
 */
const SUBMIT_CONNECTIONS = 16;

function post(url: string, headers: Record<string, string>, body: string, agent: Agent) {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Submissions at a steady rate (open loop: one every 1/rate s whatever the answers), to the
 * pipelines in turn, until `stop()` says so.
 */
export async function submitSteadily(
  url: string,
  apiKey: string,
  rate: number,
  counts: TrafficCounts,
  stop: () => boolean,
): Promise<void> {
  const pipelines = Object.keys(SOAK_POLICIES);
  const agent = new Agent({ keepAlive: true, maxSockets: SUBMIT_CONNECTIONS });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  for (let i = 0; !stop(); i++) {
    const wait = started + (i * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const body = JSON.stringify({ ...BENCH_BODY, pipeline: pipelines[i % pipelines.length] });
    counts.submitted++;
    const p = post(`${url}/v1/submissions`, headers, body, agent)
      .then((status) => {
        if (status === 202) counts.accepted++;
        else bump(counts.refused, String(status));
      })
      .catch((error: Error) => bump(counts.refused, error.message))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  agent.destroy();
}

interface Ack {
  ok: boolean;
  error?: { status: number };
  task?: { task: { id: string; leaseToken: string } } | null;
}

/**
 * One reviewer on a real socket.io connection: claim, read for about thinkMs, approve or reject
 * (alternately, with a reason), until `stop()`; an empty queue is polled every half second.
 */
export async function reviewSteadily(
  url: string,
  token: string,
  thinkMs: number,
  counts: TrafficCounts,
  stop: () => boolean,
): Promise<void> {
  const socket: Socket = io(`${url}/review`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const send = async (command: string, payload: unknown): Promise<Ack | null> => {
    try {
      return (await socket.timeout(10_000).emitWithAck(command, payload)) as Ack;
    } catch {
      bump(counts.reviewErrors, `${command} timeout`);
      return null;
    }
  };
  let n = 0;
  while (!stop()) {
    const claim = await send('claim', {});
    counts.claims++;
    if (!claim?.ok || !claim.task) {
      if (claim && !claim.ok) bump(counts.reviewErrors, `claim ${claim.error?.status}`);
      await sleep(500);
      continue;
    }
    await sleep(thinkMs * (0.5 + Math.random()));
    const { id, leaseToken } = claim.task.task;
    const reject = n++ % 2 === 1;
    const decision = await send('decide', {
      taskId: id,
      leaseToken,
      action: reject ? 'reject' : 'approve',
      ...(reject ? { reasonCodes: ['inaccurate'] } : {}),
    });
    if (decision?.ok) counts.decided++;
    else if (decision) bump(counts.reviewErrors, `decide ${decision.error?.status}`);
  }
  socket.close();
}
