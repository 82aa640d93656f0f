import { Injectable } from '@nestjs/common';
import type { ExternalOutcome } from '@arbiter/scoring';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebhookHttpClient } from '../http/webhook-http.client';
import { WebhookSecrets } from '../outbox/webhook-secrets.service';
import { RuleServiceCaller } from './rule-service.caller';
import type { RuleServicePort, RuleServiceRequest } from './rule-service.port';

/** The RuleServicePort over the SSRF-guarded webhook client and the client's signing secrets. */
@Injectable()
export class HttpRuleService implements RuleServicePort {
  private readonly caller: RuleServiceCaller;

  constructor(http: WebhookHttpClient, secrets: WebhookSecrets) {
    this.caller = new RuleServiceCaller({
      post: (url, headers, body, options) => http.post(url, headers, body, options),
      secrets: async (clientId) => (await secrets.live(clientId)).map((s) => s.secret),
      now: () => Date.now(),
      sleep: (ms) => sleep(ms),
    });
  }

  evaluate(request: RuleServiceRequest): Promise<ExternalOutcome> {
    return this.caller.evaluate(request);
  }
}
