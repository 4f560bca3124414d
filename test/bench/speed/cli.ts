// Command-line handling shared by the speed benchmarks (speed.ts, stage-profile.ts, post-paint.ts).

/** A whole number of at least 1 from `--name`, or `fallback` when the option was not given. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`--${name} wants a whole number of at least 1, got "${value}"`);
  }
  return parsed;
}

/**
 * The options `parse` reads, or the exit code once the problem and the usage are printed. `parse` throws
 * to refuse the command line; an empty message means --help (usage only, exit 0).
 */
export function optionsOrExit<T>(
  parse: () => T,
  usage: string,
): { options: T } | { exitCode: number } {
  try {
    return { options: parse() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message ? `${message}\n${usage}` : usage);
    return { exitCode: message ? 2 : 0 };
  }
}
