import { InitialSchema1764180000000 } from './1764180000000-InitialSchema';
import { HumanReview1764185000000 } from './1764185000000-HumanReview';
import { OutcomeDelivery1764186000000 } from './1764186000000-OutcomeDelivery';
import { AiReview1764187000000 } from './1764187000000-AiReview';
import { Stats1764188000000 } from './1764188000000-Stats';
import { AuthSessions1764189000000 } from './1764189000000-AuthSessions';
import { ClientQuotas1764189500000 } from './1764189500000-ClientQuotas';
import { Oversight1764190000000 } from './1764190000000-Oversight';
import { Retention1764191000000 } from './1764191000000-Retention';

import { PromptsAndDatasets1796473830008 } from './1796473830008-PromptsAndDatasets';
import { RegressionRunResumes1796473830009 } from './1796473830009-RegressionRunResumes';
import { AuditLog1796473840000 } from './1796473840000-AuditLog';
import { SkillRouting1796473850000 } from './1796473850000-SkillRouting';
import { BreakerJumps1796500000000 } from './1796500000000-BreakerJumps';
import { SsoIdentities1796510000000 } from './1796510000000-SsoIdentities';
import { PendingDecisions1796530970000 } from './1796530970000-PendingDecisions';
import { Workspaces1796540000000 } from './1796540000000-Workspaces';
import { SubmissionTraceparent1796550000000 } from './1796550000000-SubmissionTraceparent';
import { DatasetItemsInOrder1796574998044 } from './1796574998044-DatasetItemsInOrder';
import { AuditIntents1796590000000 } from './1796590000000-AuditIntents';
import { SsoSessions1796600000000 } from './1796600000000-SsoSessions';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  InitialSchema1764180000000,
  HumanReview1764185000000,
  OutcomeDelivery1764186000000,
  AiReview1764187000000,
  Stats1764188000000,
  AuthSessions1764189000000,
  ClientQuotas1764189500000,
  Oversight1764190000000,
  Retention1764191000000,
  PromptsAndDatasets1796473830008,
  RegressionRunResumes1796473830009,
  AuditLog1796473840000,
  SkillRouting1796473850000,
  BreakerJumps1796500000000,
  SsoIdentities1796510000000,
  PendingDecisions1796530970000,
  Workspaces1796540000000,
  SubmissionTraceparent1796550000000,
  DatasetItemsInOrder1796574998044,
  AuditIntents1796590000000,
  SsoSessions1796600000000,
];
