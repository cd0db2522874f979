/**
 * FLIP (First, Last, Invert, Play) for keyed rows: remember where each row was before a
 * change, and after it slide the rows that moved from their old place to the new one with
 * the Web Animations API. Rows are matched by `data-key`, not by element (the table recycles
 * row elements by position); rows that were not rendered before simply appear. Nothing
 * moves under `prefers-reduced-motion: reduce`.
 */
export type RowPositions = Map<string, number>;

/** The slides running on a row element, and whom the last one moves. */
const slides = new WeakMap<Element, { key: string; animations: Animation[] }>();

export function rowPositions(rows: Iterable<HTMLElement>): RowPositions {
  const positions: RowPositions = new Map();
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return positions;
  for (const row of rows) if (row.dataset['key']) positions.set(row.dataset['key'], row.getBoundingClientRect().top);
  return positions;
}

export function slideFrom(positions: RowPositions, rows: readonly HTMLElement[]): void {
  // Every read before any animate(): each animate() invalidates style, so a read after it
  // would recalculate style (and layout) once per row instead of once.
  const offsets = rows.map((row) => (positions.size === 0 ? 0 : (positions.get(row.dataset['key'] ?? '') ?? NaN) - row.getBoundingClientRect().top));
  rows.forEach((row, i) => {
    const key = row.dataset['key'] ?? '';
    const running = slides.get(row);
    if (Math.abs(offsets[i]!) >= 1) {
      // A slide already running on the element is overridden by this one, which outlasts it.
      const animation = row.animate([{ transform: `translateY(${offsets[i]}px)` }, { transform: 'none' }], { duration: 350, easing: 'ease-out' });
      slides.set(row, { key, animations: [...(running?.animations.filter((a) => a.playState === 'running') ?? []), animation] });
    } else if (running && running.key !== key) {
      // The element shows someone else now: its slides must not move them. (Cancelling is
      // not free, so slides that a new one overrides are left to finish instead.)
      for (const animation of running.animations) animation.cancel();
      slides.delete(row);
    }
  });
}
