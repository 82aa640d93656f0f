/** A schema object of an OpenAPI 3.0 document (the subset the contract uses; plain data). */
export interface SchemaObject {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  example?: unknown;
}

export interface ReferenceObject {
  $ref: string;
}

/** A schema of the OpenAPI 3.0 document: inline or a reference to a named one. */
export type Schema = SchemaObject | ReferenceObject;

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * An object schema written against a view type: `properties` must name exactly T's keys (the
 * compiler refuses a missing or an extra one), and every key is required unless listed in
 * `optional`, which only takes T's optional keys.
 */
export function objectOf<T>(
  properties: { [K in keyof T]-?: Schema },
  optional: readonly OptionalKeys<T>[] = [],
  extra: SchemaObject = {},
): SchemaObject {
  const required = Object.keys(properties).filter(
    (key) => !(optional as readonly string[]).includes(key),
  );
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...extra };
}

/** A reference to a schema of `components.schemas`. */
export const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** The same schema, also allowing null (OpenAPI 3.0 has no `type: null`). */
export const nullable = (schema: Schema): SchemaObject =>
  '$ref' in schema ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };

export const string = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
export const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
export const uuid: SchemaObject = { type: 'string', format: 'uuid' };
export const integer = (extra: SchemaObject = {}): SchemaObject => ({ type: 'integer', ...extra });
export const number = (extra: SchemaObject = {}): SchemaObject => ({ type: 'number', ...extra });
export const boolean: SchemaObject = { type: 'boolean' };
export const arrayOf = (items: Schema, extra: SchemaObject = {}): SchemaObject => ({
  type: 'array',
  items,
  ...extra,
});
/** A JSON object whose keys are free (metadata, policy documents). */
export const freeObject = (description?: string): SchemaObject => ({
  type: 'object',
  additionalProperties: true,
  ...(description ? { description } : {}),
});
/** A map from free keys to values of one schema. */
export const mapOf = (values: Schema): SchemaObject => ({
  type: 'object',
  additionalProperties: values,
});
export const enumOf = (values: readonly string[], extra: SchemaObject = {}): SchemaObject => ({
  type: 'string',
  enum: [...values],
  ...extra,
});
