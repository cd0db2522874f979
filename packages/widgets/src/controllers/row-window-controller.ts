import type { ReactiveController } from 'lit';
import { RenderedScroller, type ScrollHost } from './rendered-scroller.js';

/** The rows to render out of a list, and the space the rows outside them take. */
export interface RowWindow {
  start: number;
  /** Exclusive. */
  end: number;
  /** Pixels the rows before `start` and after `end` would take. */
  before: number;
  after: number;
}

export interface RowWindowOptions {
  /** Selects the scroll container in the host's render root. */
  container: string;
  /** Selects a rendered row inside the container, to measure the row height once. */
  rowSelector: string;
  /** Row height used until a real row has been measured. Default 52 px. */
  estimate?: number;
  /** Rows rendered beyond each edge of the viewport. Default 6. */
  overscan?: number;
}

/**
 * Windowed rendering of fixed-height rows in a scroll container: only the visible rows
 * plus `overscan` are in the DOM; padding stands in for the rest.
 *
 * Hand-written rather than @lit-labs/virtualizer: with one fixed row height the window is
 * plain arithmetic (about 60 lines), while the virtualizer (variable sizes, layouts, its own
 * scroller) would cost most of the 15 kB gzip budget a widget has in the CDN build.
 *
 * It also keeps the visible rows in place when rows are inserted or removed above them
 * (a page loaded before the first row, a live rank change): see {@link track}.
 */
export class RowWindowController implements ReactiveController {
  readonly #host: ScrollHost;
  readonly #rendered: RenderedScroller;
  readonly #rowSelector: string;
  readonly #estimate: number;
  readonly #overscan: number;
  #rowHeight = 0;
  #viewport = 0;
  #scrollTop = 0;
  /** Written to the container after the next render, when the content is tall enough. */
  #pendingScroll: number | null = null;
  /** The next list is placed by {@link scrollToIndex}, not anchored. */
  #explicit = false;
  #keys: readonly string[] = [];

  constructor(host: ScrollHost, options: RowWindowOptions) {
    this.#host = host;
    this.#rendered = new RenderedScroller(host, options.container, {
      scroll: () => this.#setGeometry(() => (this.#scrollTop = this.#container!.scrollTop)),
      resize: () => this.#setGeometry(() => (this.#viewport = this.#container?.clientHeight ?? 0)),
    });
    this.#rowSelector = options.rowSelector;
    this.#estimate = options.estimate ?? 52;
    this.#overscan = options.overscan ?? 6;
    host.addController(this);
  }

  get #container(): HTMLElement | undefined {
    return this.#rendered.element;
  }

  /**
   * Takes the container now rendered; a new one starts at 0, as does one back in the document
   * (moved), so the position carries over (skeleton → table, a move).
   */
  #follow(): void {
    if (this.#rendered.follow()) this.#pendingScroll ??= this.#scrollTop;
  }

  get rowHeight(): number {
    return this.#rowHeight || this.#estimate;
  }

  /** Which of `count` rows to render now. */
  window(count: number): RowWindow {
    const height = this.rowHeight;
    const visible = Math.ceil((this.#viewport || 10 * height) / height);
    const first = Math.floor(this.#scrollTop / height);
    const start = Math.max(0, Math.min(count, first) - this.#overscan);
    const end = Math.min(count, first + visible + this.#overscan);
    return { start, end, before: start * height, after: (count - end) * height };
  }

  /**
   * Call before rendering a new list (`keys` in order). When rows were inserted or removed
   * above the visible ones, scrolls by as many rows so the visible ones stay put: the shift
   * is that of the topmost visible row whose neighbour shifted alike (a row that moved by
   * itself, like a member climbing, is not an anchor). At the very top with `followTop`,
   * rows inserted there are shown instead.
   */
  track(keys: readonly string[], followTop: boolean): void {
    const previous = this.#keys;
    this.#keys = keys;
    if (this.#explicit || previous === keys || (followTop && this.#scrollTop === 0)) return;
    const index = new Map(keys.map((key, i) => [key, i]));
    const first = Math.floor(this.#scrollTop / this.rowHeight);
    const shiftAt = (i: number) => {
      const now = previous[i] === undefined ? undefined : index.get(previous[i]!);
      return now === undefined ? undefined : now - i;
    };
    for (let i = first; i < Math.min(previous.length - 1, first + this.#overscan * 2); i++) {
      const shift = shiftAt(i);
      if (shift === undefined || shift !== shiftAt(i + 1)) continue;
      if (shift !== 0) this.#scrollTo(this.#scrollTop + shift * this.rowHeight);
      return;
    }
  }

  /** Scrolls row `index` into the middle of the viewport (at the next render). */
  scrollToIndex(index: number): void {
    const height = this.rowHeight;
    this.#explicit = true;
    this.#scrollTo(Math.max(0, index * height - Math.max(0, this.#viewport - height) / 2));
  }

  hostUpdated(): void {
    this.#explicit = false;
    this.#place();
  }

  /** Follows the rendered container, measures a row once, and writes the pending scroll. */
  #place(): void {
    this.#follow();
    const container = this.#container;
    if (!container) return;
    if (!this.#rowHeight) {
      const measured = container.querySelector(this.#rowSelector)?.getBoundingClientRect().height;
      // Measured once: rows have a fixed height (a CSS custom property), so one is all.
      if (measured) this.#setGeometry(() => (this.#rowHeight = measured));
    }
    if (this.#pendingScroll !== null) {
      container.scrollTop = this.#pendingScroll;
      this.#pendingScroll = null;
      // The browser clamps to the content; render for where it really is.
      this.#setGeometry(() => (this.#scrollTop = container.scrollTop));
    }
  }

  hostDisconnected(): void {
    this.#rendered.release();
  }

  hostConnected(): void {
    // Back in the document (moved), maybe with no update to come: the browser reset the container
    // to the top when it left. Put the reader back now; left for the next update, the old place
    // would undo wherever they scroll meanwhile.
    this.#place();
  }

  #scrollTo(top: number): void {
    this.#scrollTop = top;
    this.#pendingScroll = top;
    this.#host.requestUpdate();
  }

  /** Applies `change` and renders again only when the window moved. */
  #setGeometry(change: () => void): void {
    const before = this.#fingerprint();
    change();
    if (this.#fingerprint() !== before) this.#host.requestUpdate();
  }

  #fingerprint(): string {
    const height = this.rowHeight;
    return `${height} ${Math.floor(this.#scrollTop / height)} ${Math.ceil(this.#viewport / height)}`;
  }
}
