/** The process environment as the config readers take it. */
export type Env = Record<string, string | undefined>;

/**
 * An integer variable within [min, max], or `fallback` when it is unset or empty; a value out of
 * range or not an integer adds a problem naming the variable and keeps the fallback, so boot
 * reports every bad variable at once.
 */
export function envInt(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}
