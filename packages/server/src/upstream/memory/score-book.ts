import type { RankingField } from '@rai-kit/core/api';
import type { Member } from './members.js';
import { applyDelta, scoreHistory, type ScoreHistory } from './period-scores.js';

/**
 * The live period scores of one community's members for one ranking field, shared by every
 * board that ranks that field (so two boards never disagree about a member's weekly XP).
 * A member's entry is derived from their balances when a board first needs it; awards then
 * move it. Generated players are not kept here: their scores never change.
 */
export class ScoreBook {
  readonly #entries = new Map<string, ScoreHistory>();

  constructor(
    readonly seed: number,
    readonly communityId: string,
    readonly field: RankingField,
  ) {}

  /** The member's scores (the same object every time, updated in place by {@link apply}). */
  of(member: Member): ScoreHistory {
    let entry = this.#entries.get(member.id);
    if (!entry) {
      entry = scoreHistory(this.seed, this.communityId, this.field, member);
      this.#entries.set(member.id, entry);
    }
    return entry;
  }

  /**
   * Applies an award's delta to the member's current scores. Returns `false` when no board
   * has needed them yet: there is nothing to update, a later build reads their balances.
   */
  apply(memberId: string, delta: number): boolean {
    const entry = this.#entries.get(memberId);
    if (!entry) return false;
    applyDelta(entry.current, delta);
    return true;
  }
}
