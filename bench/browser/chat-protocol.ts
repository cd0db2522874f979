/** What the chat bench page (chat-page.ts) offers the Node harness (chat.ts), shared by both sides. */
import type { FirstRowsResult, FirstRowsTarget, ShadowNodes } from './protocol.js';

export interface ScrollBackResult {
  wallMs: number;
  /** Distinct messages that have been in the DOM, beyond those shown at the start. */
  messagesPassed: number;
  /** Most message articles in the shadow root at any step. */
  maxArticles: number;
  /** Most elements in the shadow root at any step. */
  maxElements: number;
  /** Every node of the shadow root (text and comments too) before and after. */
  shadowNodes: [ShadowNodes, ShadowNodes];
  /** Scroll steps (one viewport up each, one per frame). */
  steps: number;
  /** rAF-to-rAF intervals during the scroll. */
  frameMs: number[];
}

/** Messages received while the page watched, each timed from its arrival in the page's stream. */
export interface ReceiveResult {
  /** Distinct messages seen arriving on the event stream. */
  arrived: number;
  /** Of those, how many got an article in the DOM (scrolled up, a widget that windows its DOM may add none). */
  rendered: number;
  /** Arrival (the chunk carrying it read from the socket) → its `article[data-id]` in the DOM. */
  domMs: number[];
  /** Arrival → the rAF after it appeared: the frame that paints it starts (a lower bound of paint). */
  frameMs: number[];
  /** Arrival → the rAF of the frame after that: the paint is done (double rAF). */
  nextFrameMs: number[];
  /** Arrival → the rAF + setTimeout after it appeared: the frame that painted it has run (and the tasks queued before). */
  paintMs: number[];
  /** Of those arrived, how many the widget counted in its "N new messages" (scrolled up). */
  counted: number;
  /** Arrival → the rAF + setTimeout after the `rai-unread-change` that first counted it. */
  countMs: number[];
  /** rAF-to-rAF intervals while watching. */
  frameIntervalMs: number[];
  /** The log's distance from its bottom, px, before and after: pinned stays 0, scrolled up stays put. */
  fromBottom: [number, number];
}

export interface SendResult {
  /** `rai-message-sent` events. */
  sent: number;
  /** Every `rai-message-failed` event's detail, as JSON (the bench fails on any). */
  failures: string[];
  /** First `send()` → the last `rai-message-sent`. */
  wallMs: number;
}

export interface RaiChatBench {
  /** Mounts `target` (the element stays for the calls below) and times its first messages. */
  firstRows(target: FirstRowsTarget): Promise<FirstRowsResult>;
  /** Times stream arrivals (for `received`) and counts sends; call before mounting. */
  tapFetch(): void;
  /** Send requests so far, and how many got no 2xx answer. */
  sendAttempts(): { total: number; failed: number };
  /** Scrolls the log up, one viewport per frame, until `messages` more have been shown. */
  scrollBack(messages: number): Promise<ScrollBackResult>;
  /** Leaves the bottom of the log (about two viewports up) and waits until the widget is idle. */
  leaveBottom(): Promise<void>;
  /** Starts timing every message that arrives from now on, once the widget's stream is open. */
  watch(): Promise<void>;
  /** Resolves once `count` watched messages are painted (as articles or in the unread count), or no progress for `idleMs`. */
  received(count: number, idleMs: number): Promise<ReceiveResult>;
  /** Calls the widget's `send()` with each text at once and waits for them all to be sent. */
  sendAll(texts: string[], timeoutMs: number): Promise<SendResult>;
}

declare global {
  interface Window {
    raiChatBench: RaiChatBench;
  }
}
