import fs from 'node:fs';

type Write = (...args: unknown[]) => unknown;

/**
 * Every line the process writes to stdout and stderr while started (pino writes through
 * `fs.write`/`fs.writeSync` on fd 1, Nest's console logger through `process.stdout.write`), so a
 * test can check what the logs would have shown. JSON log lines are kept and not echoed; other
 * output (Jest's own) passes through.
 */
export class LogCapture {
  readonly lines: string[] = [];
  private readonly restore: (() => void)[] = [];

  start(): void {
    const keep = (chunk: unknown): boolean => {
      const text =
        typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
      if (!text.startsWith('{"level"')) return false;
      this.lines.push(...text.split('\n').filter(Boolean));
      return true;
    };
    const patch = <T extends object>(target: T, name: keyof T, onFd: boolean): void => {
      const original = target[name] as unknown as Write;
      const replacement: Write = (...args) => {
        const isStd = !onFd || args[0] === 1 || args[0] === 2;
        if (isStd && keep(onFd ? args[1] : args[0])) {
          const done = args.find((a, i) => i > 0 && typeof a === 'function') as
            ((...a: unknown[]) => void) | undefined;
          const length = Buffer.byteLength(String(onFd ? args[1] : args[0]));
          if (done) process.nextTick(done, null, length);
          return onFd ? length : true;
        }
        return original.apply(target, args);
      };
      (target as Record<string, unknown>)[name as string] = replacement;
      this.restore.push(() => ((target as Record<string, unknown>)[name as string] = original));
    };
    patch(fs, 'writeSync', true);
    patch(fs, 'write', true);
    patch(process.stdout, 'write', false);
    patch(process.stderr, 'write', false);
  }

  stop(): void {
    this.restore.splice(0).forEach((undo) => undo());
  }
}
