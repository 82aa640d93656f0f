import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toJsonSchema } from '../../packages/client/src/openapi-json-schema';
import { HttpClient, HttpResult, RequestOptions } from './http.client';

/** The parts of an OpenAPI 3.0 document this validator reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

export interface OperationObject {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** A documented path template (`/v1/tasks/{id}`) as a pattern for concrete paths. */
const templatePattern = (template: string): RegExp =>
  new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

/** One answer checked against the document. */
export interface CheckedAnswer {
  method: string;
  template: string;
  status: number;
  operationId: string;
}

/**
 * Holds answers of the running api to its served OpenAPI document: the status must be one the
 * operation documents and a JSON body must match that response's schema.
 */
export class ContractValidator {
  readonly checked: CheckedAnswer[] = [];
  readonly failures: string[] = [];
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'contract', definitions: toJsonSchema(document.components.schemas) });
  }

  /** Fetches `/docs/json` and validates it as OpenAPI (swagger-parser) before use. */
  static async load(baseUrl: string): Promise<ContractValidator> {
    const response = await fetch(`${baseUrl}/docs/json`);
    const document = (await response.json()) as OpenApiDocument;
    await SwaggerParser.validate(structuredClone(document) as never);
    return new ContractValidator(document);
  }

  /** The documented operation a request goes to: the template with the fewest parameters wins. */
  operationFor(
    method: string,
    path: string,
  ): { template: string; operation: OperationObject } | null {
    const bare = path.split('?')[0];
    const candidates = Object.keys(this.document.paths)
      .filter((template) => templatePattern(template).test(bare))
      .filter((template) => this.document.paths[template][method.toLowerCase()])
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    if (!candidates.length) return null;
    return {
      template: candidates[0],
      operation: this.document.paths[candidates[0]][method.toLowerCase()],
    };
  }

  /** Records a failure when the answer is not one the document allows. */
  check(method: string, path: string, result: HttpResult): void {
    const found = this.operationFor(method, path);
    if (!found) {
      this.failures.push(`${method} ${path}: no documented operation`);
      return;
    }
    const { template, operation } = found;
    const where = `${method} ${template} → ${result.status}`;
    const response = operation.responses[String(result.status)];
    if (!response) {
      this.failures.push(
        `${where}: status not documented (${JSON.stringify(result.body).slice(0, 300)})`,
      );
      return;
    }
    this.checked.push({
      method,
      template,
      status: result.status,
      operationId: operation.operationId ?? '',
    });
    const type = (result.headers.get('content-type') ?? '').split(';')[0].trim();
    if (!response.content) {
      if (result.body !== undefined && result.body !== '')
        this.failures.push(`${where}: a body where none is documented`);
      return;
    }
    const media = response.content[type];
    if (!media) {
      this.failures.push(
        `${where}: content type "${type}" not documented (${Object.keys(response.content).join(', ')})`,
      );
      return;
    }
    if (type !== 'application/json' || media.schema === undefined) return;
    const validate = this.validatorFor(`${where} ${type}`, media.schema);
    if (!validate(result.body)) {
      const errors = this.ajv.errorsText(validate.errors, { separator: '\n  ' });
      this.failures.push(
        `${where}: body does not match the document:\n  ${errors}\n  body: ${JSON.stringify(result.body).slice(0, 600)}`,
      );
    }
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** The tests' HTTP client, with every answer checked against the contract. */
export class ValidatingHttpClient extends HttpClient {
  constructor(
    baseUrl: string,
    readonly contract: ContractValidator,
  ) {
    super(baseUrl);
  }

  override async request<T>(
    method: string,
    path: string,
    body: unknown,
    options: RequestOptions,
  ): Promise<HttpResult<T>> {
    const result = await super.request<T>(method, path, body, options);
    this.contract.check(method, path, result);
    return result;
  }
}
