/** Most height changes applied per second; later reports wait (only the newest is kept). */
export const MAX_RESIZES_PER_SECOND = 8;
/** A shrink back to the height before the current one within this time is a bounce. */
const BOUNCE_MS = 1_000;

/**
 * Decides which of a guest's size reports change the frame's height, so a guest whose
 * layout reacts to its own resize cannot spin: invalid reports are dropped, a report equal
 * to the current height does nothing, a bounce (A → B → A within a second) may only grow
 * the frame, and at most {@link MAX_RESIZES_PER_SECOND} changes apply per second (the
 * newest waiting report applies when the window frees up). The `max-height` clamp is CSS's.
 */
export class SizeGuard {
  #current: number | null = null;
  #previous: number | null = null;
  #changes: number[] = [];
  #waiting: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #apply: (height: number) => void;
  readonly #now: () => number;

  constructor(apply: (height: number) => void, now: () => number = () => performance.now()) {
    this.#apply = apply;
    this.#now = now;
  }

  /** A size report from the guest (anything: it is checked here). */
  report(value: unknown): void {
    const height = typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : null;
    if (height === null || height === this.#current) return;
    const now = this.#now();
    this.#changes = this.#changes.filter((at) => now - at < 1_000);
    const last = this.#changes.at(-1);
    const bounce = height === this.#previous && last !== undefined && now - last < BOUNCE_MS && height < (this.#current ?? 0);
    if (bounce) return;
    if (this.#changes.length >= MAX_RESIZES_PER_SECOND) {
      this.#waiting = height;
      this.#timer ??= setTimeout(() => this.#flush(), 1_000 - (now - this.#changes[0]!));
      return;
    }
    this.#waiting = null;
    this.#changes.push(now);
    this.#previous = this.#current;
    this.#current = height;
    this.#apply(height);
  }

  /** Forgets everything (a new guest document). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#current = this.#previous = this.#waiting = null;
    this.#changes = [];
  }

  #flush(): void {
    this.#timer = undefined;
    const waiting = this.#waiting;
    this.#waiting = null;
    if (waiting !== null) this.report(waiting);
  }
}
