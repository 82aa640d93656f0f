import { ADMIN_SCHEMAS } from './admin.schemas';
import { AUDIT_SCHEMAS } from './audit.schemas';
import { DELIVERY_SCHEMAS } from './delivery.schemas';
import { OVERSIGHT_SCHEMAS } from './oversight.schemas';
import { PROMPT_SCHEMAS } from './prompts.schemas';
import { DATASET_SCHEMAS } from './datasets.schemas';
import { REVIEW_SCHEMAS } from './review.schemas';
import type { SchemaObject } from './schema';
import { STATS_SCHEMAS } from './stats.schemas';
import { SUBMISSION_SCHEMAS } from './submission.schemas';
import { WORKSPACE_SCHEMAS } from './workspaces.schemas';

export type { AuditFailedBody, OutcomeEventBody } from './delivery.schemas';
export type { Schema, SchemaObject } from './schema';

/** The named response schemas of the v1 contract, merged into the document's components. */
export const CONTRACT_SCHEMAS: Record<string, SchemaObject> = {
  ...SUBMISSION_SCHEMAS,
  ...REVIEW_SCHEMAS,
  ...ADMIN_SCHEMAS,
  ...DELIVERY_SCHEMAS,
  ...STATS_SCHEMAS,
  ...OVERSIGHT_SCHEMAS,
  ...PROMPT_SCHEMAS,
  ...DATASET_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...WORKSPACE_SCHEMAS,
};
