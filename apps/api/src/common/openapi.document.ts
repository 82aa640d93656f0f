import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CONTRACT_SCHEMAS } from '@arbiter/contracts';

type NestSchemas = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>;

/**
 * The served OpenAPI document: operations from the controllers' decorators, response schemas
 * from the contracts, and the two ways to authenticate (both sent as `Authorization: Bearer`).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Arbiter')
    .setDescription(
      'Confidence-gated review gateway for LLM outputs (v1). Every refusal (4xx, 5xx) answers ' +
        'with the Problem body; 429 and 503 carry Retry-After.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'The API key of a submitting service (`arb_…`), as `Authorization: Bearer <key>`',
      },
      'apiKey',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'A user access token from POST /v1/auth/login (admins, leads, reviewers)',
      },
      'userToken',
    )
    .addTag('submissions', 'Send LLM outputs and read their decisions (API key)')
    .addTag('events', 'The outcome events feed (API key)')
    .addTag('webhooks', 'Webhook endpoint, signing secrets and dead letters')
    .addTag('auth', 'Log in, refresh and log out (users)')
    .addTag('review', 'Human review (reviewers, leads, admins)')
    .addTag('pipelines', 'Versioned policies (admins)')
    .addTag(
      'oversight',
      "A pipeline's self-checking loop: audits and the automation breaker (leads)",
    )
    .addTag('admin', 'Users, clients, API keys and quotas (admins)')
    .addTag('prompts', 'The prompt registry: versions, labels, A/B, quality, resolve (API key)')
    .addTag('datasets', "Datasets from reviewers' work and regression runs (leads)")
    .addTag('stats', 'Floor and flow figures (leads, admins)')
    .addTag('operations', 'Health')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...(CONTRACT_SCHEMAS as NestSchemas) },
  };
  return document;
}
