import {
  Attributes,
  Context,
  ROOT_CONTEXT,
  Span,
  SpanStatusCode,
  trace,
  Tracer,
  INVALID_SPAN_CONTEXT,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type {
  BasicTracerProvider,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A W3C trace context as it crosses a process boundary: HTTP headers, a job's data, a row. */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

/** The span that stands for "no span" while tracing is off: records nothing, costs nothing. */
const NO_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

const propagator = new W3CTraceContextPropagator();

/** A test's exporter, given to every Tracing created after exportForTests (see below). */
let testExporter: SpanExporter | null = null;

/**
 * The process's traces, made of manual spans. Off unless an OTLP endpoint is configured (or a
 * test registered an exporter): no provider is created, spans are not started and no context is
 * propagated, so the path costs one boolean test. The provider is this process's own, not the
 * global one: the api and the worker booted in one test process keep their service names.
 * Without a context manager there is no implicit active span: parents are passed explicitly.
 */
export class Tracing {
  readonly enabled: boolean;
  private readonly provider: BasicTracerProvider | null;
  private readonly tracer: Tracer | null;

  constructor(serviceName: string, otlpEndpoint: string | null) {
    this.enabled = Boolean(otlpEndpoint) || testExporter !== null;
    this.provider = this.enabled ? tracerProvider(serviceName, otlpEndpoint) : null;
    this.tracer = this.provider?.getTracer('arbiter') ?? null;
  }

  /** Test hook: every Tracing created from now on also sends its spans to `exporter`, at once. */
  static exportForTests(exporter: SpanExporter | null): void {
    testExporter = exporter;
  }

  /** The context a carrier continues (the caller's trace), or the root when none or off. */
  extract(carrier: Partial<TraceCarrier> | null | undefined): Context {
    if (!this.enabled || !carrier?.traceparent) return ROOT_CONTEXT;
    return propagator.extract(ROOT_CONTEXT, carrier, {
      get: (c, key) => c[key as keyof TraceCarrier],
      keys: (c) => Object.keys(c),
    });
  }

  /** The carrier of `ctx`'s span, to pass on; undefined when off or there is no span. */
  inject(ctx: Context): TraceCarrier | undefined {
    if (!this.enabled) return undefined;
    const carrier: Partial<TraceCarrier> = {};
    propagator.inject(ctx, carrier, {
      set: (c, key, value) => {
        c[key as keyof TraceCarrier] = value;
      },
    });
    return carrier.traceparent ? (carrier as TraceCarrier) : undefined;
  }

  /**
   * Runs `fn` in a span named `name`, child of `parent`, ended when `fn` settles (an error is
   * recorded on it and rethrown). `fn` gets the span and the context to pass to children.
   */
  async inSpan<T>(
    name: string,
    parent: Context,
    attributes: Attributes,
    fn: (span: Span, ctx: Context) => Promise<T>,
  ): Promise<T> {
    if (!this.tracer) return fn(NO_SPAN, parent);
    const span = this.tracer.startSpan(name, { attributes }, parent);
    try {
      return await fn(span, trace.setSpan(parent, span));
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  }

  /** Exports what is buffered and stops; called once at shutdown. */
  async shutdown(): Promise<void> {
    await this.provider?.shutdown();
  }
}

/**
 * The SDK, the OTLP exporter and its protobuf transformer are about 40 MB of RSS once loaded: a
 * process with tracing off (the default) never loads them.
 */
function tracerProvider(serviceName: string, otlpEndpoint: string | null): BasicTracerProvider {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const sdk = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const processors: SpanProcessor[] = [];
  if (otlpEndpoint) {
    const { OTLPTraceExporter } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
    const url = `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  if (testExporter) processors.push(new sdk.SimpleSpanProcessor(sharedByProcesses(testExporter)));
  return new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: processors,
  });
}

/**
 * A test's exporter as one process sees it: the api and workers of one test process share it, so
 * one of them shutting down (a worker restarted by the test) must not stop it for the others.
 */
function sharedByProcesses(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans, done),
    shutdown: async () => undefined,
    forceFlush: async () => exporter.forceFlush?.(),
  };
}
