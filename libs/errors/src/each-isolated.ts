/** Several items of one periodic run failed; each was logged when it failed. */
export class IsolatedFailures extends AggregateError {
  constructor(
    what: string,
    readonly failed: { item: string; error: unknown }[],
  ) {
    super(
      failed.map((f) => f.error),
      `${what}: ${failed.length} failed (${failed.map((f) => f.item).join(', ')}); the others ran`,
    );
    this.name = 'IsolatedFailures';
  }
}

/**
 * Runs `run` for each item in turn, so that one item that keeps failing (a pipeline whose policy
 * cannot be applied, a prompt whose evidence cannot be read) does not stop the items after it on
 * every run of a periodic job. Each failure is logged as it happens; when any failed, the run
 * ends with an IsolatedFailures naming them, so the job still reports failure.
 */
export async function eachIsolated<T>(
  what: string,
  items: Iterable<T>,
  nameOf: (item: T) => string,
  run: (item: T) => Promise<void>,
  logger: { error(message: string): void },
): Promise<void> {
  const failed: { item: string; error: unknown }[] = [];
  for (const item of items) {
    try {
      await run(item);
    } catch (error) {
      const name = nameOf(item);
      logger.error(
        `${what}: ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      failed.push({ item: name, error });
    }
  }
  if (failed.length) throw new IsolatedFailures(what, failed);
}
