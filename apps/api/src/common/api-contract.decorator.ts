import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject as NestSchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { SchemaObject } from '@arbiter/contracts';

/** Who may call an operation: a submitting service's API key or a signed-in user's access token. */
export type Caller = 'apiKey' | 'user' | 'none';

/** A documented 2xx: the name of a schema of `components.schemas`, an inline schema, or no body. */
export type SuccessBody = string | SchemaObject | null;

export interface OperationContract {
  /** The operationId: an SDK's method name. */
  id: string;
  summary: string;
  description?: string;
  caller: Caller;
  /** Each success status and its body. */
  ok: Partial<Record<200 | 201 | 202 | 204 | 302, SuccessBody>>;
  /** Refusals this operation can answer besides the ones every operation of its caller can. */
  errors?: number[];
  /** Takes a JSON body: adds 413 (over the cap) and 415 (not JSON). */
  body?: boolean;
  /** Override of a response (e.g. health answers 503 with its own body). */
  overrides?: Partial<Record<number, SuccessBody>>;
  /** false: a user's operation that acts in no workspace (or in the one its path names). */
  workspace?: false;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'The request is malformed or a field is invalid: `problems` names each field',
  401: 'No credentials, or credentials that are wrong, expired or revoked',
  403: 'The caller may not do this (role, queue or pipeline not allowed)',
  404: 'No such resource visible to the caller',
  409: 'Conflicts with the current state (idempotency key reused with another body, lease lost, …)',
  413: 'The body is over the configured cap',
  415: 'The body is not JSON (or YAML where a policy is accepted)',
  429: 'Too many requests: retry after `Retry-After` seconds',
  502: 'The single sign-on provider could not be reached',
  503: 'PostgreSQL or Redis is unreachable: retry after `Retry-After` seconds',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
};

/** Every caller can be refused as malformed or while a store is down; credentials can be refused. */
const ERRORS_BY_CALLER: Record<Caller, number[]> = {
  apiKey: [400, 401, 429, 503],
  // 404 too: a workspace the person may not act in (X-Arbiter-Workspace).
  user: [400, 401, 403, 404, 503],
  none: [400, 503],
};

const SECURITY_SCHEME: Record<Exclude<Caller, 'none'>, string> = {
  apiKey: 'apiKey',
  user: 'userToken',
};

function content(body: SuccessBody): Parameters<typeof ApiResponse>[0] {
  if (body === null) return {};
  // The contract's schema type is plain data (the web UI reads it too); Nest's is the same shape.
  const schema = typeof body === 'string' ? { $ref: `#/components/schemas/${body}` } : body;
  return { schema: schema as NestSchemaObject };
}

/**
 * The OpenAPI contract of one operation: operationId, security scheme, every success status with
 * its typed body and every refusal with the Problem body. The contract test holds the running api
 * to what this says.
 */
export function ApiContract(op: OperationContract): MethodDecorator {
  const decorators = [
    ApiOperation({ operationId: op.id, summary: op.summary, description: op.description }),
  ];
  if (op.caller !== 'none') decorators.push(ApiBearerAuth(SECURITY_SCHEME[op.caller]));
  if (op.caller === 'user' && op.workspace !== false)
    decorators.push(
      ApiHeader({
        name: 'X-Arbiter-Workspace',
        required: false,
        description:
          "The key of the workspace to act in; without it, the person's first workspace (a platform admin: every workspace). One the person may not act in: 404",
      }),
    );
  for (const [status, body] of Object.entries(op.ok)) {
    decorators.push(
      ApiResponse({
        status: Number(status),
        description:
          Number(status) === 204
            ? 'Done; no body'
            : Number(status) === 302
              ? 'Go to the `Location` header'
              : 'Success',
        ...content(body as SuccessBody),
      }),
    );
  }
  const errors = new Set([
    ...ERRORS_BY_CALLER[op.caller],
    ...(op.errors ?? []),
    ...(op.body ? [413, 415] : []),
  ]);
  for (const status of [...errors].sort()) {
    const override = op.overrides?.[status];
    decorators.push(
      ApiResponse({
        status,
        description: ERROR_TEXT[status] ?? 'Refused',
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
        ...content(override !== undefined ? override : 'Problem'),
      }),
    );
  }
  return applyDecorators(...decorators);
}
