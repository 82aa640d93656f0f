import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Compiles what an api or worker child process runs (apps, libs, migrations and the entry
 * test/support/arbiter-process.ts) with swc into `outDir`, as `npm run build` does. Once per
 * suite (a global setup) or per test file: each suite has its own directory.
 */
export function compileArbiterProcesses(outDir: string): void {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'swc'),
    [
      'test/support',
      'apps/api/src',
      'apps/worker/src',
      'libs',
      'migrations',
      '-d',
      outDir,
      '--quiet',
      '--ignore',
      '**/*.spec.ts',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** The compiled entry of a child process (see arbiter-process.ts). */
export function arbiterProcessEntry(outDir: string): string {
  return join(outDir, 'test', 'support', 'arbiter-process.js');
}
