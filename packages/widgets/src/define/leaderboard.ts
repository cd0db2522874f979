import { RaiLeaderboard } from '../leaderboard/leaderboard.js';

RaiLeaderboard.define('rai-leaderboard');

declare global {
  interface HTMLElementTagNameMap {
    'rai-leaderboard': RaiLeaderboard;
  }
}
