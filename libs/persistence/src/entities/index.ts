import { ApiKeyEntity } from './api-key.entity';
import { ClientEntity } from './client.entity';
import { PipelineEntity } from './pipeline.entity';
import { PolicyVersionEntity } from './policy-version.entity';
import { SubmissionEventEntity } from './submission-event.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

export { ApiKeyEntity, ClientEntity, PipelineEntity, PolicyVersionEntity, SubmissionEntity, SubmissionEventEntity, UserEntity };
export * from './user.entity';

export const ENTITIES = [
  ClientEntity,
  ApiKeyEntity,
  UserEntity,
  PipelineEntity,
  PolicyVersionEntity,
  SubmissionEntity,
  SubmissionEventEntity,
];
