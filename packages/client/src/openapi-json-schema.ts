/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes "or null", and every object that
 * lists its properties admits no others unless it says so (the api refuses unknown fields, and
 * the contract test fails an answer with an undocumented one). Shared by the SDK's local checks
 * and test/support/contract.validator.ts.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, example: _example, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJsonSchema(v)]),
      );
    } else if (key === '$ref') {
      out[key] = String(value).replace('#/components/schemas/', 'contract#/definitions/');
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}
