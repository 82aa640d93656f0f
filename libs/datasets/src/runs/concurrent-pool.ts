/**
 * Runs `work` on every element of `source` with at most `concurrency` in flight. The lanes share
 * one iterator: an async generator queues concurrent next() calls, so each element is taken by
 * exactly one lane, and a source that reads pages reads the next one only when a lane needs it
 * (memory holds a page, not the whole source). After a failure (of `work` or of the source) the
 * lanes take nothing new; it is thrown once every lane has stopped.
 */
export async function forEachConcurrently<T>(
  source: AsyncIterable<T>,
  concurrency: number,
  work: (element: T) => Promise<void>,
): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  let failed = false;
  const lane = async () => {
    try {
      while (!failed) {
        const next = await iterator.next();
        if (next.done) return;
        await work(next.value);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: concurrency }, lane));
  const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failure) {
    await iterator.return?.();
    throw failure.reason;
  }
}
