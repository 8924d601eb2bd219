import type { z } from 'zod';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(service: string, problems: string[]) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment against a service's schema once, at start. Every bad variable is named
 * in one error (not just the first), and the result is deeply frozen so nothing can change it later.
 */
export function loadConfig<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Env = process.env,
): Readonly<z.output<Schema>> {
  // Empty strings count as unset: `FOO= npm start` should mean "use the default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(root)';
      const given = issue.path.length === 1 ? cleaned[String(issue.path[0])] : undefined;
      return given === undefined || /SECRET|PASSWORD|KEY|TOKEN|URL/.test(name)
        ? `${name}: ${issue.message}`
        : `${name}: ${issue.message} (got "${given}")`;
    });
    throw new ConfigError(service, problems);
  }
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
