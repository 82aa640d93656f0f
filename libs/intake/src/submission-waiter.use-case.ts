import { Inject, Injectable } from '@nestjs/common';
import { IntakeError, IntakeErrorCode } from './intake.errors';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ClientPrincipal } from '@arbiter/auth';
import { SubmissionView } from '@arbiter/contracts';
import { FINAL_STATUSES } from '@arbiter/workflow';
import { RoutedWaiter } from './routed-waiter.service';
import { SubmissionQuery } from './submission-query.use-case';

// Statuses worth answering a waiting client with: a final decision, or a hand-over to people,
// which will not settle within any ?wait a client may ask for.
const SETTLES = new Set<string>([...FINAL_STATUSES, 'human_review']);

/** ?wait=<ms>: hold the intake response until the submission is decided or handed to humans. */
@Injectable()
export class SubmissionWaiter {
  constructor(
    private readonly routed: RoutedWaiter,
    private readonly query: SubmissionQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The wait in ms (0 when absent); 400 unless an integer from 0 to the configured maximum. */
  parseWait(raw: string | undefined): number {
    if (raw === undefined || raw === '') return 0;
    const ms = Number(raw);
    if (!/^\d+$/.test(raw) || ms > this.config.maxWaitMs) {
      throw new IntakeError(
        IntakeErrorCode.InvalidWait,
        `wait must be an integer number of milliseconds from 0 to ${this.config.maxWaitMs}`,
      );
    }
    return ms;
  }

  /** Call register(id) before the score job is enqueued, then settle() to wait. */
  prepare(): {
    register: (id: string) => void;
    settle: (client: ClientPrincipal, ms: number) => Promise<SubmissionView | null>;
  } {
    let id: string | undefined;
    let waiting: Promise<string | null> | undefined;
    return {
      register: (submissionId) => {
        id = submissionId;
        waiting = this.routed.waitFor(submissionId, (s) => SETTLES.has(s));
      },
      settle: async (client, ms) => {
        if (!id || !waiting) return null;
        const submissionId = id;
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());
        await Promise.race([waiting, timeout]);
        this.routed.cancel(submissionId);
        return this.query.forClient(client, submissionId);
      },
    };
  }
}
