import { DomainError } from '@arbiter/errors';

/** Why a delivery request (webhook settings, replay) was refused. */
export enum DeliveryErrorCode {
  DeadLetterNotFound = 'delivery.dead_letter_not_found',
  WebhookUrlRefused = 'delivery.webhook_url_refused',
}

export class DeliveryError extends DomainError<DeliveryErrorCode> {}
