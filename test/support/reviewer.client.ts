import { io, Socket } from 'socket.io-client';
import { ArbiterHarness } from './arbiter.harness';
import { HttpClient } from './http.client';

export interface Ack<T = Record<string, unknown>> {
  ok: boolean;
  error?: { status: number; message: string };
  task?: T | null;
  [key: string]: unknown;
}

export interface TaskView {
  task: {
    id: string;
    queue: string;
    kind: string;
    priority: number;
    dueAt: string;
    leaseToken: string;
    consensus: number;
  };
  submission: { id: string; output: { text?: string }; metadata: Record<string, unknown> | null };
  reasonCodes: string[];
  guidelines: string | null;
}

/** A reviewer as a browser would be: a user with an access token and a live socket.io connection. */
export class ReviewerClient {
  readonly events: { event: string; payload: unknown }[] = [];

  private constructor(
    readonly userId: string,
    readonly token: string,
    readonly socket: Socket,
  ) {
    socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
  }

  /** Creates the user through the admin API, logs in over HTTP and connects to /review. */
  static async create(
    arbiter: ArbiterHarness,
    email: string,
    queues: string[],
    role = 'reviewer',
  ): Promise<ReviewerClient> {
    const admin = await arbiter.adminAccessToken();
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email, password: 'reviewer-pass-1', role, queues },
      { token: admin },
    );
    if (created.status !== 201)
      throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
    const login = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: 'reviewer-pass-1',
    });
    return ReviewerClient.connect(arbiter, created.body.id, login.body.accessToken);
  }

  /** Connects to /review on `arbiter`'s api (a harness, or any api replica's HTTP client). */
  static async connect(
    arbiter: { http: HttpClient },
    userId: string,
    token: string,
  ): Promise<ReviewerClient> {
    const socket = io(`${arbiter.http.baseUrl}/review`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new ReviewerClient(userId, token, socket);
  }

  send<T = TaskView>(command: string, payload?: unknown): Promise<Ack<T>> {
    return this.socket.timeout(10_000).emitWithAck(command, payload) as Promise<Ack<T>>;
  }

  async claim(queues?: string[]): Promise<TaskView | null> {
    const ack = await this.send('claim', queues ? { queues } : {});
    if (!ack.ok) throw new Error(`claim refused: ${JSON.stringify(ack.error)}`);
    return (ack.task as TaskView | null) ?? null;
  }

  decide(task: TaskView, action: string, extra: Record<string, unknown> = {}): Promise<Ack> {
    return this.send('decide', {
      taskId: task.task.id,
      leaseToken: task.task.leaseToken,
      action,
      ...extra,
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The reviewers a test file opens: closed together between tests and when the file ends. */
export class OpenReviewers {
  private readonly open: ReviewerClient[] = [];

  constructor(private readonly arbiter: () => ArbiterHarness) {}

  async connect(email: string, queues = ['support'], role?: string): Promise<ReviewerClient> {
    const client = await ReviewerClient.create(this.arbiter(), email, queues, role);
    this.open.push(client);
    return client;
  }

  closeAll(): void {
    this.open.splice(0).forEach((c) => c.close());
  }
}
