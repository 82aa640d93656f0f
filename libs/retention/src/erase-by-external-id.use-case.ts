import { Injectable } from '@nestjs/common';
import { SubmissionRepository } from '@arbiter/workflow';
import { SubmissionErasure } from './submission-erasure.service';

export interface EraseByExternalIdCommand {
  clientId: string;
  /** The API key that asked: recorded as the erasure's actor (`api-key:<id>`). */
  keyId: string;
  externalId: string;
}

/**
 * A data subject's erasure on request: every submission of the calling client with this
 * external id, whatever its age or state, loses its raw text at once. Another client's
 * submissions are never read. Answers how many were erased by this call (0 when none, or when
 * they already were).
 */
@Injectable()
export class EraseByExternalId {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly erasure: SubmissionErasure,
  ) {}

  async execute(command: EraseByExternalIdCommand): Promise<{ erased: number }> {
    let erased = 0;
    for (const { id } of await this.submissions.unerasedByExternalId(
      command.clientId,
      command.externalId,
    )) {
      if (await this.erasure.erase(id, 'request', `api-key:${command.keyId}`)) erased++;
    }
    return { erased };
  }
}
