import { DeliverEvent } from './deliver-event.use-case';
import { DeliverProcessor } from './deliver.processor';
import { ReconcileDeliveries } from './reconcile-deliveries.use-case';

/** The deliver stage: processor, its use case, and the outbox reconciler (run by maintenance). */
export const DELIVER_PROVIDERS = [DeliverEvent, DeliverProcessor, ReconcileDeliveries];
