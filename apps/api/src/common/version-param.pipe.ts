import { BadRequestException, PipeTransform } from '@nestjs/common';
import { LIMITS } from '@arbiter/contracts';

/**
 * A `:version` route parameter: a whole number from 1 to LIMITS.versionNumber, or a 400 naming
 * it. ParseIntPipe alone let "99999999999" through to PostgreSQL's int, which answered a 500.
 * The global validation pipe may already have made the text a number (the handler's type).
 */
export class VersionParamPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const version = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(version) || version < 1 || version > LIMITS.versionNumber)
      throw new BadRequestException(`version must be an integer from 1 to ${LIMITS.versionNumber}`);
    return version;
  }
}

export const versionParam = new VersionParamPipe();
