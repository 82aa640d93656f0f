export { ArbiterGate, ArbiterHeldError, ArbiterRejectedError } from './arbiter-gate';
export type { ArbiterGateOptions, ContextDocument, GateInput } from './arbiter-gate';
