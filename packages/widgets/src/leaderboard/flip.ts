/**
 * FLIP (First, Last, Invert, Play) for keyed rows: remember where each row was before a
 * change, and after it slide the rows that moved from their old place to the new one with
 * the Web Animations API. Rows are matched by `data-key`; rows that were not rendered
 * before simply appear. Nothing moves under `prefers-reduced-motion: reduce`.
 */
export type RowPositions = Map<string, number>;

export function rowPositions(rows: Iterable<HTMLElement>): RowPositions {
  const positions: RowPositions = new Map();
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return positions;
  for (const row of rows) if (row.dataset['key']) positions.set(row.dataset['key'], row.getBoundingClientRect().top);
  return positions;
}

export function slideFrom(positions: RowPositions, rows: Iterable<HTMLElement>): void {
  if (positions.size === 0) return;
  for (const row of rows) {
    const before = positions.get(row.dataset['key'] ?? '');
    if (before === undefined) continue;
    const offset = before - row.getBoundingClientRect().top;
    if (Math.abs(offset) < 1) continue;
    row.animate([{ transform: `translateY(${offset}px)` }, { transform: 'none' }], { duration: 350, easing: 'ease-out' });
  }
}
