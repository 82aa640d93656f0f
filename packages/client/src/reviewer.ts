import type { Socket } from 'socket.io-client';
import { ArbiterApiError, ArbiterError, ArbiterValidationError } from './errors';
import { Transport, TransportOptions } from './transport';
import type {
  DecideRequest,
  DecisionResult,
  LeaseExtended,
  QueueCounts,
  ReviewTask,
  TokenPair,
} from './types';

/** Events the api pushes to a connected reviewer. */
export interface ReviewerEvents {
  /** A queue's live counts changed. */
  'queue.counts': (payload: { queue: string; waiting: number; claimed: number }) => void;
  /** An urgent task arrived or aged into urgency. */
  'task.urgent': (payload: {
    queue: string;
    taskId: string;
    priority?: number;
    dueAt?: string;
  }) => void;
  /** My lease ends soon: heartbeat or lose the task. */
  'lease.expiring': (payload: { taskId: string; leaseExpiresAt: string }) => void;
  /** The task I held was taken away (lease expired, escalated, task expired). */
  'task.revoked': (payload: { taskId: string; reason: string }) => void;
}

type Ack<T> = ({ ok: true } & T) | { ok: false; error: { status: number; message: string } };
export type Decide = Omit<DecideRequest, 'leaseToken'>;

/**
 * A reviewer's live session on the /review socket.io namespace: every command acknowledged,
 * refusals thrown as ArbiterApiError with the api's status, pushed events typed.
 */
export class ReviewerSocket {
  private constructor(private readonly socket: Socket) {}

  /** Logs in over HTTP and returns the token pair (pass `accessToken` to `connect`). */
  static async login(
    options: Omit<TransportOptions, 'token'>,
    email: string,
    password: string,
  ): Promise<TokenPair> {
    const http = new Transport(options);
    return (
      await http.request<TokenPair>({
        method: 'POST',
        path: 'v1/auth/login',
        body: { email, password },
        retry: 'throttled',
      })
    ).body;
  }

  /** Connects with a user access token (`socket.io-client` must be installed). */
  static async connect(
    baseUrl: string,
    accessToken: string,
    timeoutMs = 10_000,
  ): Promise<ReviewerSocket> {
    // Loaded here: only reviewer sessions need socket.io-client (an optional peer dependency).
    const { io } = await import('socket.io-client');
    const socket = io(`${baseUrl.replace(/\/$/, '')}/review`, {
      auth: { token: accessToken },
      transports: ['websocket'],
      timeout: timeoutMs,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error) => {
        socket.close();
        reject(new ArbiterError(`reviewer socket refused: ${error.message}`));
      });
    });
    return new ReviewerSocket(socket);
  }

  on<E extends keyof ReviewerEvents>(event: E, listener: ReviewerEvents[E]): this {
    this.socket.on(event, listener as never);
    return this;
  }

  off<E extends keyof ReviewerEvents>(event: E, listener: ReviewerEvents[E]): this {
    this.socket.off(event, listener as never);
    return this;
  }

  /** My queues with live counts. */
  async queues(): Promise<QueueCounts[]> {
    return (await this.send<{ queues: QueueCounts[] }>('queues')).queues;
  }

  /** The most urgent task across my queues (or only `queues`), leased to me; null when none waits. */
  async claim(queues?: string[]): Promise<ReviewTask | null> {
    return (await this.send<{ task: ReviewTask | null }>('claim', queues ? { queues } : {})).task;
  }

  async heartbeat(task: ReviewTask): Promise<LeaseExtended> {
    return this.send<LeaseExtended>('heartbeat', {
      taskId: task.task.id,
      leaseToken: leaseOf(task),
    });
  }

  async release(task: ReviewTask): Promise<void> {
    await this.send('release', { taskId: task.task.id, leaseToken: leaseOf(task) });
  }

  /** Approve, reject (with reason codes), edit (with the edited output) or escalate. */
  async decide(task: ReviewTask, decision: Decide): Promise<DecisionResult> {
    if (decision.action === 'reject' && !decision.reasonCodes?.length) {
      throw new ArbiterValidationError(
        [{ path: 'reasonCodes', message: 'a rejection needs a reason code' }],
        'decision',
      );
    }
    if (decision.action === 'edit' && !decision.editedOutput) {
      throw new ArbiterValidationError(
        [{ path: 'editedOutput', message: 'an edit needs the edited output' }],
        'decision',
      );
    }
    const { ok: _ok, ...result } = await this.send<DecisionResult>('decide', {
      taskId: task.task.id,
      leaseToken: leaseOf(task),
      ...decision,
    });
    return result as DecisionResult;
  }

  close(): void {
    this.socket.close();
  }

  private async send<T>(command: string, payload?: unknown): Promise<{ ok: true } & T> {
    const ack = (await this.socket.timeout(10_000).emitWithAck(command, payload)) as Ack<T>;
    if (!ack.ok) {
      throw new ArbiterApiError(
        ack.error.status,
        { statusCode: ack.error.status, error: 'Refused', message: ack.error.message },
        null,
        null,
      );
    }
    return ack;
  }
}

function leaseOf(task: ReviewTask): string {
  if (!task.task.leaseToken)
    throw new ArbiterValidationError(
      [{ path: 'task.leaseToken', message: 'I do not hold this task' }],
      'task',
    );
  return task.task.leaseToken;
}
