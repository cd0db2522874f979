/** Leaderboards: standings arithmetic and a live view of a board, shared by every client. */
export { applyChanges, applyChangesToEntry, compareStanding, rankShift, type StandingsSlice } from './standings.js';
export { StandingsView, type StandingsSnapshot, type StandingsViewOptions } from './standings-view.js';
export { StandingsPager, type StandingsPage, type StandingsPagerOptions } from './standings-pager.js';
