/** How long and how many items a group commit collects before writing them. */
export interface GroupCommitOptions {
  /** The first waiting item is written at most this many ms after it arrived. */
  windowMs: number;
  /** A group is written as soon as it holds this many items. */
  max: number;
  /**
   * An item arriving while no write is under way is written at once, and the items that arrive
   * during a write are written together as soon as it ends (or their window closes, or the group
   * is full): no waiting when traffic is light, groups as large as the traffic when it is heavy.
   * Off: every item waits out its window.
   */
  writeWhenIdle?: boolean;
}

/** How a group commit writes: many items at once, or one alone. */
export interface GroupCommitWriter<I, O> {
  /** Writes the items as one unit; one outcome per item, in their order. */
  many(items: readonly I[]): Promise<O[]>;
  /** Writes one item on its own: a lone item, and each item of a group whose write failed. */
  one(item: I): Promise<O>;
  /**
   * Whether a failed group write may be the fault of some of its items (bad data, a conflict):
   * each item is then written alone, so only the bad ones fail. Otherwise (the store is down)
   * every item of the group fails with that error, without a second try.
   */
  mayBeOneItem(error: unknown): boolean;
  /** Told the size of each group written together (metrics). */
  written?(size: number): void;
  /** Told how many items are written alone because their group's write failed (metrics). */
  retriedAlone?(count: number): void;
}

interface Waiting<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects items submitted within a short window and writes them together (group commit): many
 * callers, one round trip. Each caller's promise settles with its own item's outcome, after the
 * write that holds it; a failed group is retried item by item when the failure may be one
 * item's, so a bad item never fails its neighbours. No I/O of its own: the writer does it.
 */
export class GroupCommit<I, O> {
  private group: Waiting<I, O>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly writer: GroupCommitWriter<I, O>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Whether items are grouped at all (a window and a size above one). */
  get enabled(): boolean {
    return this.options.windowMs > 0 && this.options.max > 1;
  }

  /** Writes the item, with whatever else arrives in the window; its own outcome. */
  submit(item: I): Promise<O> {
    if (!this.enabled) return this.writeAlone(item);
    return new Promise<O>((resolve, reject) => {
      this.group.push({ item, resolve, reject });
      if (this.group.length >= this.options.max || this.idle()) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  /** Writes what is waiting now and waits for every write under way (shutdown). */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  /** Nothing being written, and writing at once is wanted then. */
  private idle(): boolean {
    return this.options.writeWhenIdle === true && this.inFlight.size === 0;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.group;
    this.group = [];
    if (group.length === 0) return;
    const write = this.write(group).finally(() => {
      this.inFlight.delete(write);
      // What gathered during the write goes now rather than at the end of its window.
      if (this.group.length > 0 && this.idle()) this.flush();
    });
    this.inFlight.add(write);
  }

  private async write(group: Waiting<I, O>[]): Promise<void> {
    if (group.length === 1) {
      await this.writeAlone(group[0].item).then(group[0].resolve, group[0].reject);
      return;
    }
    let outcomes: O[];
    try {
      outcomes = await this.writer.many(group.map((w) => w.item));
    } catch (error) {
      if (!this.writer.mayBeOneItem(error)) {
        for (const waiting of group) waiting.reject(error);
        return;
      }
      // Each item alone, so each gets its own outcome or error and the good ones are written.
      this.tell(() => this.writer.retriedAlone?.(group.length));
      await Promise.all(
        group.map((waiting) => this.writeAlone(waiting.item).then(waiting.resolve, waiting.reject)),
      );
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(outcomes[i]));
    this.tell(() => this.writer.written?.(group.length));
  }

  private async writeAlone(item: I): Promise<O> {
    const outcome = await this.writer.one(item);
    this.tell(() => this.writer.written?.(1));
    return outcome;
  }

  /** Metrics never fail a write: written items must not be written again, nor left unanswered. */
  private tell(callback: () => void): void {
    try {
      callback();
    } catch {
      // a metric is only a metric
    }
  }
}
