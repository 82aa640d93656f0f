import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * An optional whole-number query parameter from 1 to `max` (a page size, a priority bound):
 * converted from the query string, refused with one message naming the parameter and its range.
 */
export function OptionalQueryInt(
  name: string,
  max: number,
  doc: { default?: number; description?: string } = {},
): PropertyDecorator {
  const message = `${name} must be an integer from 1 to ${max}`;
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({ minimum: 1, maximum: max, ...doc }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message }),
    Min(1, { message }),
    Max(max, { message }),
  ];
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}
