import { INestApplicationContext, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ROLES_KEY } from '@arbiter/auth';
import {
  GATEWAY_OPTIONS,
  MESSAGE_MAPPING_METADATA,
  MESSAGE_METADATA,
} from '@nestjs/websockets/constants';

export interface HttpRoute {
  method: string;
  /** The route's template, e.g. `/v1/review/tasks/:id/decide`. */
  path: string;
  controller: string;
  /** The roles @Roles asks of a person (on the handler, else its controller); empty: none asked. */
  roles: string[];
}

export interface SocketEvent {
  namespace: string;
  event: string;
  gateway: string;
}

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** A class or a method: all the metadata readers need is an object to look up. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own InstanceWrapper types metatypes this loosely
type Decorated = (...args: any[]) => unknown;

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value ?? '']).map(String);

/** Every method of a class prototype with its decorated handler function. */
function handlers(metatype: Decorated): Decorated[] {
  const proto = metatype.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor')
    .map((name) => Object.getOwnPropertyDescriptor(proto, name)?.value)
    .filter((value): value is Decorated => typeof value === 'function');
}

function* instances(
  app: INestApplicationContext,
  kind: 'controllers' | 'providers',
): Generator<Decorated> {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module[kind].values()) {
      if (typeof wrapper.metatype === 'function') yield wrapper.metatype as Decorated;
    }
  }
}

/**
 * The routes and socket events the running app registered, read from Nest's own metadata, so a
 * route or event added tomorrow is in the list without anyone editing a test.
 */
export function routeCatalog(app: INestApplicationContext): {
  routes: HttpRoute[];
  events: SocketEvent[];
  /** Every gateway's namespace: its handshake is an entry point of its own. */
  namespaces: string[];
} {
  const routes = new Map<string, HttpRoute>();
  for (const controller of new Set(instances(app, 'controllers'))) {
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
    for (const handler of handlers(controller)) {
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      for (const prefix of prefixes) {
        for (const sub of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
          const route = {
            method: RequestMethod[method],
            path: joinPath(prefix, sub),
            controller: controller.name,
            roles: (
              (Reflect.getMetadata(ROLES_KEY, handler) ??
                Reflect.getMetadata(ROLES_KEY, controller) ??
                []) as string[]
            ).slice(),
          };
          routes.set(`${route.method} ${route.path}`, route);
        }
      }
    }
  }
  const events = new Map<string, SocketEvent>();
  const namespaces = new Set<string>();
  for (const provider of new Set(instances(app, 'providers'))) {
    const options = Reflect.getMetadata(GATEWAY_OPTIONS, provider) as
      { namespace?: string } | undefined;
    if (!options) continue;
    namespaces.add(options.namespace ?? '/');
    for (const handler of handlers(provider)) {
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
      const event = String(Reflect.getMetadata(MESSAGE_METADATA, handler));
      const namespace = options.namespace ?? '/';
      events.set(`${namespace} ${event}`, { namespace, event, gateway: provider.name });
    }
  }
  return {
    routes: [...routes.values()],
    events: [...events.values()],
    namespaces: [...namespaces],
  };
}
