import { join } from 'node:path';
import { compileArbiterProcesses } from '../../support/arbiter-build';

/** The compiled tree the child processes (worker, api replica) run from. */
export const CHAOS_BUILD = join(__dirname, '..', '..', '..', '.chaos');

/** Once per run: compile what the child processes run (api, worker, libs) with swc, as stack:test does. */
export default function chaosGlobalSetup(): void {
  compileArbiterProcesses(CHAOS_BUILD);
}
