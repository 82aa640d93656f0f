/** The review wire types, under the names the web app uses. */
export type {
  DecisionResultView as DecisionAck,
  GateFinding,
  GateResult,
  ReviewTaskView as TaskView,
  RoutingView,
  SignalResult,
  Span,
} from '@arbiter/contracts';

export type ReviewAction = 'approve' | 'reject' | 'edit' | 'escalate';
