import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/**
 * An optional yes/no query parameter: exactly `true` or `false`, refused otherwise with one message
 * naming the parameter. Not class-transformer's implicit conversion, which reads any non-empty
 * string (`false`, `no`) as true and would silently turn a typo into the opposite answer.
 */
export function OptionalQueryBoolean(
  name: string,
  doc: { default?: boolean; description?: string } = {},
): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({ type: Boolean, ...doc }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsBoolean({ message: `${name} must be true or false` }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
