import type { GateDefinition, SignalDefinition } from './engine.types';
import { formatGate } from '../gates/format.gate';
import { integrityGate } from '../gates/integrity.gate';
import { jsonSchemaGate } from '../gates/json-schema.gate';
import { languageGate } from '../gates/language.gate';
import { lengthGate } from '../gates/length.gate';
import { phrasesGate } from '../gates/phrases.gate';
import { piiGate } from '../gates/pii.gate';
import { safetyGate } from '../gates/safety.gate';
import { sqlGate } from '../gates/sql/sql.gate';
import { templateGate } from '../gates/template/template.gate';
import { toneGate } from '../gates/tone/tone.gate';
import { regulatedAdviceGate } from '../gates/advice/regulated-advice.gate';
import { webhookGate } from '../gates/webhook/webhook.gate';
import { citationsSignal } from '../signals/citations.signal';
import { contradictionSignal } from '../signals/contradiction.signal';
import { entitiesSignal } from '../signals/entities.signal';
import { groundingSignal } from '../signals/grounding.signal';
import { logprobSignal } from '../signals/logprob.signal';
import { numbersSignal } from '../signals/numbers.signal';
import { relevanceSignal } from '../signals/relevance.signal';
import { selfConsistencySignal } from '../signals/self-consistency.signal';

/** Every validator (hard gate) type a policy may name. */
export const GATES: Readonly<Record<string, GateDefinition>> = {
  jsonSchema: jsonSchemaGate,
  phrases: phrasesGate,
  pii: piiGate,
  safety: safetyGate,
  integrity: integrityGate,
  language: languageGate,
  length: lengthGate,
  format: formatGate,
  sql: sqlGate,
  template: templateGate,
  tone: toneGate,
  regulatedAdvice: regulatedAdviceGate,
  webhook: webhookGate,
};

/** Every signal a policy may name. */
export const SIGNALS: Readonly<Record<string, SignalDefinition>> = {
  grounding: groundingSignal,
  numbers: numbersSignal,
  entities: entitiesSignal,
  citations: citationsSignal,
  contradiction: contradictionSignal,
  selfConsistency: selfConsistencySignal,
  logprob: logprobSignal,
  relevance: relevanceSignal,
};
