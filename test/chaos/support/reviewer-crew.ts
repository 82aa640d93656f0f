import { io, Socket } from 'socket.io-client';

interface Ack {
  ok: boolean;
  task?: { task: { id: string; leaseToken: string } } | null;
  error?: { status: number; code?: string };
}

export interface CrewFigures {
  decided: number;
  refused: Record<string, number>;
  reconnects: number;
}

/**
 * Reviewers working as the review desk does: a real socket.io connection each, claim, decide
 * (alternately approve and reject), claim again. A dropped connection is opened again on
 * whichever api replica `urlOf` names at that moment; a refused or unanswered command is
 * counted and the reviewer carries on.
 */
export class ReviewerCrew {
  readonly figures: CrewFigures = { decided: 0, refused: {}, reconnects: 0 };
  /** Tasks a reviewer holds right now, by task id (the replica scenario kills their connection). */
  readonly holding = new Map<string, string>();
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly tokens: string[],
    public urlOf: (index: number) => string,
    /** How long a reviewer looks at a task before deciding. */
    private readonly thinkMs = 150,
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.tokens.map((token, index) => this.work(token, index));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.allSettled(this.loops);
  }

  private async work(token: string, index: number): Promise<void> {
    let socket: Socket | null = null;
    let turn = 0;
    while (this.running) {
      if (!socket?.connected) {
        socket?.close();
        if (socket) this.figures.reconnects++;
        socket = await this.connect(token, this.urlOf(index));
        if (!socket) {
          await sleep(300);
          continue;
        }
      }
      const claimed = await this.send(socket, 'claim', {});
      const task = claimed?.ok ? claimed.task : null;
      if (!task) {
        await sleep(claimed?.ok ? 200 : 300);
        continue;
      }
      this.holding.set(task.task.id, task.task.leaseToken);
      await sleep(this.thinkMs);
      const action = turn++ % 2 === 0 ? 'approve' : 'reject';
      const extra = action === 'reject' ? { reasonCodes: ['inaccurate'] } : {};
      const decided = await this.send(socket, 'decide', {
        taskId: task.task.id,
        leaseToken: task.task.leaseToken,
        action,
        ...extra,
      });
      this.holding.delete(task.task.id);
      if (decided?.ok) this.figures.decided++;
    }
    socket?.close();
  }

  private async connect(token: string, url: string): Promise<Socket | null> {
    const socket = io(`${url}/review`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      timeout: 5000,
    });
    const ok = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', () => resolve(false));
    });
    if (!ok) socket.close();
    return ok ? socket : null;
  }

  private async send(socket: Socket, command: string, payload: unknown): Promise<Ack | null> {
    try {
      const ack = (await socket.timeout(10_000).emitWithAck(command, payload)) as Ack;
      if (!ack.ok) {
        const key = `${command}:${ack.error?.code ?? ack.error?.status}`;
        this.figures.refused[key] = (this.figures.refused[key] ?? 0) + 1;
      }
      return ack;
    } catch {
      const key = `${command}:no-ack`;
      this.figures.refused[key] = (this.figures.refused[key] ?? 0) + 1;
      return null;
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
