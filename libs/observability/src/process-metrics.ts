import { Injectable } from '@nestjs/common';
import { Registry } from 'prom-client';

/**
 * The Prometheus registry of one process (api or worker). Each slice registers its own metrics
 * on it; the app serves it. One instance per booted app, so tests can boot several side by side.
 */
@Injectable()
export class ProcessMetrics {
  readonly registry = new Registry();
}
