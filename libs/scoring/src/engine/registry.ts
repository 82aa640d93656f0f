import type { GateDefinition, SignalDefinition } from './engine.types';
import { jsonSchemaGate } from '../gates/json-schema.gate';
import { lengthGate } from '../gates/length.gate';
import { phrasesGate } from '../gates/phrases.gate';
import { contradictionSignal } from '../signals/contradiction.signal';
import { entitiesSignal } from '../signals/entities.signal';
import { groundingSignal } from '../signals/grounding.signal';
import { numbersSignal } from '../signals/numbers.signal';
import { relevanceSignal } from '../signals/relevance.signal';

/** Every validator (hard gate) type a policy may name. */
export const GATES: Readonly<Record<string, GateDefinition>> = {
  jsonSchema: jsonSchemaGate,
  phrases: phrasesGate,
  length: lengthGate,
};

/** Every signal a policy may name. */
export const SIGNALS: Readonly<Record<string, SignalDefinition>> = {
  grounding: groundingSignal,
  numbers: numbersSignal,
  entities: entitiesSignal,
  contradiction: contradictionSignal,
  relevance: relevanceSignal,
};
