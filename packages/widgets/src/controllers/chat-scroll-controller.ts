import type { ReactiveController } from 'lit';
import { RenderedScroller, type ScrollHost } from './rendered-scroller.js';

export interface ChatScrollOptions {
  /** Selects the scroller in the host's render root. */
  scroller: string;
  /** Selects the items in the scroller; each carries its identity in `data-id`. */
  itemSelector: string;
  /** After every scroll (the user's or ours): the host loads history near the edges, clears unread. */
  onScroll: () => void;
  /**
   * True when the items reach the live end. Only there does the bottom pin: at the bottom of
   * history paged back, the next (newer) page must continue below what the user reads.
   */
  atLiveEnd: () => boolean;
}

/** Within this many pixels of the bottom the user is "at the bottom": new messages keep the view pinned. */
const PIN_SLACK_PX = 4;
/** Within this distance of an edge the next page of history is loaded, before the user gets there. */
const EDGE_PX = 300;

/**
 * Scroll behaviour of a chat log, which grows at both ends:
 *
 * - Pinned: while the user is at the bottom of the live end, every update (and every resize of the log)
 *   keeps the bottom in view, so new messages scroll in.
 * - Anchored: otherwise the first visible item keeps its place. Before each update its offset
 *   from the top of the scroller is measured; after the update (same frame, before paint)
 *   `scrollTop` moves by however much it shifted, so history added above — or pruned
 *   anywhere — never moves what the user is reading. The scroller needs `overflow-anchor:
 *   none`: the browser's own anchoring would correct the same shift a second time.
 */
export class ChatScrollController implements ReactiveController {
  #options: ChatScrollOptions;
  #rendered: RenderedScroller;
  #pinned = true;
  #anchor: { id: string; offset: number } | null = null;
  /** The scroller's position at its last scroll: the browser resets it when the host is moved. */
  #top = 0;

  constructor(host: ScrollHost, options: ChatScrollOptions) {
    this.#options = options;
    this.#rendered = new RenderedScroller(host, options.scroller, {
      scroll: () => this.#onScroll(),
      resize: () => this.#pinned && this.#toBottom(),
    });
    host.addController(this);
  }

  get #scroller(): HTMLElement | undefined {
    return this.#rendered.element;
  }

  /** True while the bottom is in view (or the log is not yet shown: it opens at the bottom). */
  get pinned(): boolean {
    return this.#pinned;
  }

  get nearTop(): boolean {
    return !!this.#scroller && this.#scroller.scrollTop < EDGE_PX;
  }

  get nearBottom(): boolean {
    return !!this.#scroller && this.#distanceFromBottom() < EDGE_PX;
  }

  /** Shows the bottom now and from the next update on. */
  pin(): void {
    this.#pinned = true;
    this.#toBottom();
  }

  hostUpdate(): void {
    this.#anchor = this.#pinned ? null : this.#firstVisible();
  }

  hostUpdated(): void {
    this.#rendered.follow();
    const scroller = this.#scroller;
    if (!scroller) return;
    if (this.#pinned) return this.#toBottom();
    const anchor = this.#anchor;
    if (!anchor) return;
    const item = scroller.querySelector<HTMLElement>(`${this.#options.itemSelector}[data-id="${CSS.escape(anchor.id)}"]`);
    if (item) scroller.scrollTop += this.#offset(item) - anchor.offset;
  }

  hostConnected(): void {
    // Back in the document (moved), maybe with no update to come: the rendered scroller is still
    // there, but the browser reset it to the top when it left. Put the reader back now: at the
    // bottom when pinned (messages may have come meanwhile), else where they were.
    this.#rendered.follow();
    if (this.#pinned) this.#toBottom();
    else if (this.#scroller) this.#scroller.scrollTop = this.#top;
  }

  hostDisconnected(): void {
    this.#rendered.release();
  }

  #onScroll(): void {
    this.#top = this.#scroller!.scrollTop;
    this.#pinned = this.#distanceFromBottom() <= PIN_SLACK_PX && this.#options.atLiveEnd();
    this.#options.onScroll();
  }

  #toBottom(): void {
    if (this.#scroller) this.#scroller.scrollTop = this.#scroller.scrollHeight;
  }

  #distanceFromBottom(): number {
    const s = this.#scroller!;
    return s.scrollHeight - s.scrollTop - s.clientHeight;
  }

  #offset(item: HTMLElement): number {
    return item.getBoundingClientRect().top - this.#scroller!.getBoundingClientRect().top;
  }

  /** The first item whose bottom is below the scroller's top edge, and where it stands. */
  #firstVisible(): { id: string; offset: number } | null {
    const scroller = this.#scroller;
    if (!scroller) return null;
    const top = scroller.getBoundingClientRect().top;
    for (const item of scroller.querySelectorAll<HTMLElement>(this.#options.itemSelector)) {
      const rect = item.getBoundingClientRect();
      if (rect.bottom > top) return item.dataset['id'] ? { id: item.dataset['id'], offset: rect.top - top } : null;
    }
    return null;
  }
}
