/**
 * Board order: higher score first, ties by user id by code unit (`<`). Must match
 * `compareStanding` in `@rai-kit/core/leaderboard` (a test checks), since clients place
 * moved rows themselves; this form compares keys without building entry objects.
 */
export function compareKeys(aScore: number, aId: string, bScore: number, bId: string): number {
  if (aScore !== bScore) return aScore > bScore ? -1 : 1;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/**
 * One board's ranking in one period: the participants (by slot, their index in `ids`) with a
 * positive score, kept sorted in a typed array. Ranks, positions and cursor keys are binary
 * searches; moving one member is two `copyWithin` shifts, a memmove that stays well under a
 * millisecond at 100 000 rows and allocates nothing.
 */
export class Ranking {
  readonly #ids: readonly string[];
  readonly #scores: Float64Array;
  /** Slots in board order; only the first `#size` are in use. */
  readonly #order: Int32Array;
  #size: number;

  /**
   * `scores[slot]` is the score (a non-negative integer) of `ids[slot]`, 0 for unranked.
   * The ranking keeps `scores` and changes it in {@link set}.
   */
  constructor(ids: readonly string[], scores: Float64Array) {
    this.#ids = ids;
    this.#scores = scores;
    // Room for everyone: any participant may end up ranked.
    this.#order = new Int32Array(ids.length);
    this.#size = sortInto(this.#order, ids, scores);
  }

  /** Number of ranked participants. */
  get size(): number {
    return this.#size;
  }

  /** The participant's score (0 when unranked). */
  score(slot: number): number {
    return this.#scores[slot]!;
  }

  /** The slot at `index` in board order. */
  slotAt(index: number): number {
    return this.#order[index]!;
  }

  /** Index of the first row ordered at or after the key. */
  lowerBound(score: number, id: string): number {
    return this.#partition((slot) => compareKeys(this.#scores[slot]!, this.#ids[slot]!, score, id) < 0);
  }

  /** Index of the first row ordered strictly after the key. */
  upperBound(score: number, id: string): number {
    return this.#partition((slot) => compareKeys(this.#scores[slot]!, this.#ids[slot]!, score, id) <= 0);
  }

  /** The participant's index in board order, or -1 when unranked. */
  indexOf(slot: number): number {
    const score = this.#scores[slot]!;
    if (score <= 0) return -1;
    const index = this.lowerBound(score, this.#ids[slot]!);
    return this.#order[index] === slot ? index : -1;
  }

  /** Competition rank of a score: 1 + the number of rows with a strictly higher score. */
  rankOfScore(score: number): number {
    return 1 + this.#partition((slot) => this.#scores[slot]! > score);
  }

  /** Rank of the row at `index`. */
  rankAt(index: number): number {
    return this.rankOfScore(this.#scores[this.#order[index]!]!);
  }

  /** Rows ranked `limit` or better (ties at the boundary included); all of them for `null`. */
  countWithin(limit: number | null): number {
    if (limit === null || this.#size <= limit) return this.#size;
    const boundary = this.#scores[this.#order[limit - 1]!]!;
    return this.#partition((slot) => this.#scores[slot]! >= boundary);
  }

  /** Gives the participant a new score: out of its row, into its new one (none at 0). */
  set(slot: number, score: number): void {
    const index = this.indexOf(slot);
    if (index >= 0) {
      this.#order.copyWithin(index, index + 1, this.#size);
      this.#size--;
    }
    this.#scores[slot] = score;
    if (score <= 0) return;
    const at = this.lowerBound(score, this.#ids[slot]!);
    this.#order.copyWithin(at + 1, at, this.#size);
    this.#order[at] = slot;
    this.#size++;
  }

  /** First index whose slot fails `before` (which holds for a prefix of the order). */
  #partition(before: (slot: number) => boolean): number {
    let low = 0;
    let high = this.#size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(this.#order[mid]!)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * Writes the slots with a positive score into `order` in board order; returns how many.
 * A comparator sort of 100 000 rows costs tens of milliseconds per period; packing
 * (score, slot) into one float, sorting natively, then ordering only the runs of equal
 * scores by id is several times faster.
 */
function sortInto(order: Int32Array, ids: readonly string[], scores: Float64Array): number {
  const count = ids.length;
  const keys = new Float64Array(count);
  let size = 0;
  for (let slot = 0; slot < count; slot++) {
    const score = scores[slot]!;
    if (score <= 0) continue;
    const key = score * count + slot;
    if (!Number.isSafeInteger(key)) throw new RangeError(`Score ${score} of "${ids[slot]}" cannot be ranked.`);
    keys[size++] = key;
  }
  const sorted = keys.subarray(0, size).sort();
  // Ascending keys, read from the end: highest score first.
  for (let i = 0; i < size; i++) order[i] = sorted[size - 1 - i]! % count;
  for (let start = 0; start < size; ) {
    let end = start + 1;
    while (end < size && scores[order[end]!] === scores[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
    start = end;
  }
  return size;
}
