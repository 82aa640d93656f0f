import { ApiKeyEntity } from './api-key.entity';
import { ClientEntity } from './client.entity';
import { PipelineEntity } from './pipeline.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { SubmissionEventEntity } from './submission-event.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';
import { ReviewDecisionEntity } from './review-decision.entity';
import { QueueMembershipEntity, ReviewQueueEntity } from './review-queue.entity';
import { ReviewTaskEntity } from './review-task.entity';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEventEntity } from './delivery-event.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookSecretEntity } from './webhook-secret.entity';
import { PromptEntity } from './prompt.entity';
import { PromptVersionEntity } from './prompt-version.entity';
import { PromptLabelEntity } from './prompt-label.entity';
import { DatasetEntity } from './dataset.entity';
import { DatasetItemEntity } from './dataset-item.entity';
import { RegressionRunEntity } from './regression-run.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { UserIdentityEntity } from './user-identity.entity';
import { WorkspaceEntity, WorkspaceMemberEntity } from './workspace.entity';

export {
  ApiKeyEntity,
  ClientEntity,
  PipelineEntity,
  PolicyVersionEntity,
  SubmissionEntity,
  SubmissionEventEntity,
  UserEntity,
};
export * from './user.entity';
export * from './workspace.entity';
export * from './review-task.entity';
export * from './review-decision.entity';
export * from './review-queue.entity';
export * from './delivery-event.entity';
export * from './delivery-attempt.entity';
export { WebhookEndpointEntity, WebhookSecretEntity };
export {
  PromptEntity,
  PromptVersionEntity,
  PromptLabelEntity,
  DatasetEntity,
  DatasetItemEntity,
  RegressionRunEntity,
  AuditEntryEntity,
  UserIdentityEntity,
};

export const ENTITIES = [
  ClientEntity,
  ApiKeyEntity,
  UserEntity,
  PipelineEntity,
  PolicyVersionEntity,
  SubmissionEntity,
  SubmissionEventEntity,
  ReviewQueueEntity,
  QueueMembershipEntity,
  ReviewTaskEntity,
  ReviewDecisionEntity,
  WebhookEndpointEntity,
  WebhookSecretEntity,
  DeliveryEventEntity,
  DeliveryAttemptEntity,
  PromptEntity,
  PromptVersionEntity,
  PromptLabelEntity,
  DatasetEntity,
  DatasetItemEntity,
  RegressionRunEntity,
  AuditEntryEntity,
  UserIdentityEntity,
  WorkspaceEntity,
  WorkspaceMemberEntity,
];
