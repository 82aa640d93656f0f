import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import contract from './openapi.json';
import { ArbiterValidationError, FieldProblem } from './errors';
import { toJsonSchema } from './openapi-json-schema';

const problemOf = (error: ErrorObject): FieldProblem => {
  const path = error.instancePath.split('/').filter(Boolean).join('.');
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return { path: path ? `${path}.${extra}` : extra, message: 'is not a field of the contract' };
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return { path: path ? `${path}.${missing}` : missing, message: 'is required' };
  }
  return { path, message: error.message ?? 'is invalid' };
};

/** Checks request bodies against the contract's schemas before anything is sent. */
export class ContractValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv.addSchema({ $id: 'contract', definitions: toJsonSchema(contract.components.schemas) });
  }

  /** Throws ArbiterValidationError naming each field the schema `name` refuses. */
  check(name: keyof typeof contract.components.schemas, value: unknown): void {
    let validate = this.compiled.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `contract#/definitions/${name}` });
      this.compiled.set(name, validate);
    }
    if (!validate(value)) {
      // anyOf/oneOf branches repeat the same complaint; one line per place is enough.
      const seen = new Set<string>();
      const problems = (validate.errors ?? []).map(problemOf).filter((p) => {
        const key = `${p.path}|${p.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
      throw new ArbiterValidationError(problems, name);
    }
  }
}
