/** What the bench page (page.ts) offers the Node harness, shared by both sides. */

/** Something to mount and wait for: a rai-kit element, or the hand-written floor. */
export type FirstRowsTarget =
  | {
      kind: 'element';
      tag: string;
      attributes: Record<string, string>;
      /** Content is there once this matches in the shadow root. */
      readySelector: string;
    }
  | {
      kind: 'floor';
      /** The collection URL the widget itself requested. */
      url: string;
      /** How the floor writes each item of the answer's `data` (first-rows.ts). */
      rows: FloorRows;
    };

/** The floors' plain renderings: leaderboard entries, chat messages, or store products. */
export type FloorRows = 'entries' | 'messages' | 'products';

export interface FirstRowsResult {
  /** Connected → the first content row exists in the DOM. */
  domMs: number;
  /** Connected → the frame after that (double rAF). */
  paintMs: number;
  /** Content rows rendered at that point. */
  rows: number;
  /** API requests the page made before its first rows, in start order. */
  requests: string[];
}

/** Per update, in ms from writing the event to the stream. */
export interface UpdatesResult {
  /** Rows the widget held when the updates started. */
  sliceRows: number;
  /** The same events applied to a bare `StandingsView` (no stream, no widget). */
  viewMs: number[];
  /** → the widget's view has applied it (SSE parsing, stream controller, widget handler). */
  appliedMs: number[];
  /** → `updateComplete` (Lit has patched the DOM). */
  renderedMs: number[];
  /** → style and layout forced up to date. */
  layoutMs: number[];
  /** → the next frame has run (paint included). */
  frameMs: number[];
}

export interface ShadowNodes {
  all: number;
  comments: number;
}

export interface ScrollResult {
  wallMs: number;
  /** Rows scrolled into the DOM: the highest rendered row index. */
  rowsPassed: number;
  /** Rows in the widget's standings view at the end. */
  rowsLoaded: number;
  /** Most data rows in the shadow DOM at any step. */
  maxDomRows: number;
  /** Nodes in the widget's shadow root before and after the scroll. */
  shadowNodes: [ShadowNodes, ShadowNodes];
  /** Scroll steps (one viewport each, one per frame). */
  steps: number;
  /** rAF-to-rAF intervals during the scroll. */
  frameMs: number[];
  /** The element scrolled, e.g. `div[part="table"]`. */
  scroller: string;
}

export interface RaiBench {
  /** Replaces the event stream of widgets mounted after this call with one the bench writes to. */
  fakeStream(): void;
  /** Diagnostic: every standings row gets the first row's avatar URL (see one-avatar.ts). */
  shareOneAvatar(): void;
  /** Mounts `target` (the element stays for the calls below) and times its first rows. */
  firstRows(target: FirstRowsTarget): Promise<FirstRowsResult>;
  scroll(rowSelector: string, minRows: number): Promise<ScrollResult>;
  /** Scrolls to the middle of the loaded rows and waits for paging to stop. */
  park(rowSelector: string): Promise<void>;
  /** Sends `count` rank changes through the fake stream to the mounted leaderboard. */
  updates(count: number): Promise<UpdatesResult>;
}

declare global {
  interface Window {
    raiBench: RaiBench;
  }
}
