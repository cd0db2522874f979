/** What every bench script shares on the command line: settings from the environment, progress on stderr. */

/** A positive integer setting from `name` in the environment, else `fallback`. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer; got "${raw}".`);
  return value;
}

/** Progress goes to stderr so stdout holds only the report. */
export function log(message: string): void {
  console.error(`[${(performance.now() / 1000).toFixed(0).padStart(3)} s] ${message}`);
}
