import type { AuthConfigView, SsoSession, TokenPair } from '../auth.dto';
import type { ApiKeyView, ClientView, CreatedApiKey } from '../client.dto';
import type {
  LocatedProblemView,
  PipelineView,
  PolicyCheckView,
  PolicyVersionView,
} from '../pipeline.dto';
import {
  arrayOf,
  dateTime,
  freeObject,
  integer,
  nullable,
  objectOf,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';

const problem = objectOf<{ path: string; message: string }>({ path: string(), message: string() });
const located = objectOf<LocatedProblemView>({
  path: string(),
  message: string(),
  line: nullable(integer({ minimum: 1 })),
  column: nullable(integer({ minimum: 1 })),
});

/** Schemas of logins, pipelines and their policies, clients and API keys. */
export const ADMIN_SCHEMAS: Record<string, SchemaObject> = {
  TokenPair: objectOf<TokenPair>({
    accessToken: string({ description: 'Send as `Authorization: Bearer <accessToken>`' }),
    refreshToken: string(),
    expiresIn: integer({ description: 'Seconds the access token lives' }),
  }),
  SsoSession: objectOf<SsoSession>({
    accessToken: string({ description: 'Send as `Authorization: Bearer <accessToken>`' }),
    refreshToken: string(),
    expiresIn: integer({ description: 'Seconds the access token lives' }),
    email: string({ description: "The signed-in user's email" }),
  }),
  AuthConfig: objectOf<AuthConfigView>({
    localLogin: { type: 'boolean', description: 'false: only single sign-on lets people in' },
    sso: nullable(
      objectOf<{ name: string; startUrl: string }>({
        name: string({ example: 'Keycloak' }),
        startUrl: string({ example: '/v1/auth/oidc/start' }),
      }),
    ),
  }),
  PolicyVersion: objectOf<PolicyVersionView>({
    version: integer({ minimum: 1 }),
    checksum: string(),
    source: string({ example: 'api' }),
    createdAt: dateTime,
    document: freeObject('The policy as uploaded'),
    effective: freeObject('The policy as it is scored, defaults filled in'),
    warnings: arrayOf(problem),
  }),
  PolicyCheck: objectOf<PolicyCheckView>({
    valid: { type: 'boolean', description: 'true when PUT would accept the document' },
    problems: arrayOf(located),
    warnings: arrayOf(located),
  }),
  PipelineView: objectOf<PipelineView>({
    key: string(),
    activeVersion: nullable(integer()),
    previousVersions: arrayOf(integer()),
    split: nullable(
      objectOf<{ version: number; percent: number }>({ version: integer(), percent: integer() }),
    ),
    versions: arrayOf(ref('PolicyVersion')),
  }),
  PolicyPutResult: objectOf<{
    version: number;
    created: boolean;
    warnings: unknown[];
    pipeline: PipelineView;
  }>({
    version: integer({ minimum: 1 }),
    created: { type: 'boolean', description: 'false when the same document was already a version' },
    warnings: arrayOf(problem),
    pipeline: ref('PipelineView'),
  }),
  ClientView: objectOf<ClientView>({
    id: uuid,
    name: string(),
    allowedPipelines: nullable(arrayOf(string())),
    createdAt: dateTime,
  }),
  ClientQuota: objectOf<{ clientId: string; requestsPerSecond: number | null }>({
    clientId: uuid,
    requestsPerSecond: nullable(integer({ minimum: 1 })),
  }),
  ApiKeyView: objectOf<ApiKeyView>({
    id: uuid,
    clientId: uuid,
    name: string(),
    prefix: string(),
    createdAt: dateTime,
    revokedAt: nullable(dateTime),
  }),
  CreatedApiKey: objectOf<CreatedApiKey>({
    id: uuid,
    clientId: uuid,
    name: string(),
    prefix: string(),
    createdAt: dateTime,
    revokedAt: nullable(dateTime),
    key: string({ description: 'The key itself: shown once, never stored' }),
  }),
  Revoked: objectOf<{ revoked: boolean }>({ revoked: { type: 'boolean', enum: [true] } }),
  Health: objectOf<{ status: string; checks: { postgres: string; redis: string } }>({
    status: string({ description: '"ok", or "down: <names>" with a 503', example: 'ok' }),
    checks: objectOf<{ postgres: string; redis: string }>({ postgres: string(), redis: string() }),
  }),
};
