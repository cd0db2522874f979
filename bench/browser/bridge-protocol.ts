/** What the bridge bench's host page (bridge-host.ts) offers the Node harness (bridge.ts), and what its guest page reads. */

/** The bridges measured: ours (`connectToGuest` ↔ `connectToHost`) and penpal's `connect` on both sides. */
export const LIBRARIES = ['rai-kit', 'penpal'] as const;
export type Library = (typeof LIBRARIES)[number];

/** The payloads sent (and echoed back) by every call. */
export const PAYLOADS = ['tiny', '10kB'] as const;
export type PayloadName = (typeof PAYLOADS)[number];

/** Query parameters of the guest page: which bridge to speak, and the host origin to trust. */
export interface GuestQuery {
  lib: Library;
  host: string;
}

export interface RoundPlan {
  library: Library;
  /** The guest document on the second origin (its query names the library and this page's origin). */
  guestUrl: string;
  warmup: number;
  /** Calls timed one by one, each awaited before the next. */
  sequential: number;
  /** Calls made with `inFlight` of them outstanding at all times. */
  concurrent: number;
  inFlight: number;
}

export interface PayloadRound {
  payload: PayloadName;
  /** JSON length of the payload: the size sent each way. */
  payloadBytes: number;
  /** Round-trip time of each sequential call, ms. */
  latencyMs: number[];
  /** Sequential calls per second (the timed calls, back to back). */
  sequentialPerSecond: number;
  /** Calls per second with `inFlight` outstanding. */
  concurrentPerSecond: number;
}

export interface RoundResult {
  library: Library;
  /** Iframe appended → first call answered (handshake included), ms. */
  connectMs: number;
  payloads: PayloadRound[];
}

export interface RaiBridgeBench {
  /** Frames the guest, connects, warms up and times every payload, then tears the frame down. */
  round(plan: RoundPlan): Promise<RoundResult>;
}

declare global {
  interface Window {
    raiBridgeBench: RaiBridgeBench;
  }
}
