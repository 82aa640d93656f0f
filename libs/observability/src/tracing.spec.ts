import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Tracing } from './tracing';

const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('Tracing', () => {
  const exporter = new InMemorySpanExporter();
  afterEach(() => {
    Tracing.exportForTests(null);
    exporter.reset();
  });

  describe('off (no endpoint, no test exporter)', () => {
    const tracing = new Tracing('arbiter-api', null);

    it('is off, continues nothing and passes nothing on', async () => {
      expect(tracing.enabled).toBe(false);
      const parent = tracing.extract({ traceparent: CALLER });
      expect(parent).toBe(ROOT_CONTEXT);
      const carried = await tracing.inSpan('intake', parent, {}, async (span, ctx) => {
        expect(span.isRecording()).toBe(false);
        return tracing.inject(ctx);
      });
      expect(carried).toBeUndefined();
    });

    it('loads neither the SDK nor the OTLP exporter (about 40 MB of RSS)', () => {
      const loaded: string[] = [];
      jest.isolateModules(() => {
        for (const name of [
          '@opentelemetry/sdk-trace-base',
          '@opentelemetry/exporter-trace-otlp-http',
        ])
          jest.doMock(name, () => {
            loaded.push(name);
            return jest.requireActual(name);
          });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const isolated = require('./tracing') as typeof import('./tracing');
        expect(new isolated.Tracing('arbiter-api', null).enabled).toBe(false);
        expect(loaded).toEqual([]);
        expect(new isolated.Tracing('arbiter-api', 'http://127.0.0.1:4318').enabled).toBe(true);
        expect(loaded.sort()).toEqual([
          '@opentelemetry/exporter-trace-otlp-http',
          '@opentelemetry/sdk-trace-base',
        ]);
      });
    });

    it('still runs the work and rethrows its error', async () => {
      await expect(tracing.inSpan('x', ROOT_CONTEXT, {}, async () => 7)).resolves.toBe(7);
      await expect(
        tracing.inSpan('x', ROOT_CONTEXT, {}, async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
    });
  });

  it('is on with an OTLP endpoint (spans batched to it; nothing sent before shutdown here)', async () => {
    const tracing = new Tracing('arbiter-worker', 'http://127.0.0.1:9/');
    expect(tracing.enabled).toBe(true);
    await tracing.shutdown();
  });

  describe('on (test exporter)', () => {
    it('continues the caller trace, names the service and hands on its own span', async () => {
      Tracing.exportForTests(exporter);
      const tracing = new Tracing('arbiter-api', null);
      expect(tracing.enabled).toBe(true);
      const carried = await tracing.inSpan(
        'intake',
        tracing.extract({ traceparent: CALLER, tracestate: 'vendor=1' }),
        { 'arbiter.pipeline': 'support' },
        async (_span, ctx) => tracing.inject(ctx),
      );
      const [span] = exporter.getFinishedSpans();
      expect(span.name).toBe('intake');
      expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(span.attributes).toEqual({ 'arbiter.pipeline': 'support' });
      expect(span.resource.attributes['service.name']).toBe('arbiter-api');
      expect(carried).toEqual({
        traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`,
        tracestate: 'vendor=1',
      });
    });

    it.each([undefined, null, {}, { traceparent: 'not-a-traceparent' }])(
      'starts a new trace when the carrier is %p',
      async (carrier) => {
        Tracing.exportForTests(exporter);
        const tracing = new Tracing('arbiter-api', null);
        await tracing.inSpan('intake', tracing.extract(carrier), {}, async () => undefined);
        const [span] = exporter.getFinishedSpans();
        expect(span.parentSpanContext).toBeUndefined();
        expect(trace.isSpanContextValid(span.spanContext())).toBe(true);
      },
    );

    it('marks a span whose work failed as an error', async () => {
      Tracing.exportForTests(exporter);
      const tracing = new Tracing('arbiter-worker', null);
      await expect(
        tracing.inSpan('deliver', ROOT_CONTEXT, {}, async () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toEqual({ code: 2, message: 'refused' });
      expect(span.events.map((e) => e.name)).toEqual(['exception']);
    });
  });
});
