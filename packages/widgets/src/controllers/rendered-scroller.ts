import type { ReactiveControllerHost } from 'lit';

/** A host whose rendered DOM can be searched (a LitElement). */
export type ScrollHost = ReactiveControllerHost & { readonly renderRoot: ParentNode };

export interface RenderedScrollerHandlers {
  /** The user or a script scrolled the element. */
  scroll: () => void;
  /** The element's size changed. */
  resize: () => void;
}

/**
 * The scrolling element a controller works on, found by selector in the host's render root and
 * followed as it is rendered, replaced and removed, with a passive scroll listener and a
 * ResizeObserver on the current one. Looked up after each update (the controller calls
 * `follow()` from `hostUpdated` and `hostConnected`) rather than handed over by Lit's `ref()`:
 * that directive and the AsyncDirective under it cost the first load of the leaderboard and the
 * chat 0.8 kB gzip each, for this one element.
 */
export class RenderedScroller {
  readonly #host: ScrollHost;
  readonly #selector: string;
  readonly #onScroll: () => void;
  readonly #resize: ResizeObserver;
  #element: HTMLElement | undefined;

  constructor(host: ScrollHost, selector: string, { scroll, resize }: RenderedScrollerHandlers) {
    this.#host = host;
    this.#selector = selector;
    this.#onScroll = scroll;
    this.#resize = new ResizeObserver(resize);
  }

  get element(): HTMLElement | undefined {
    return this.#element;
  }

  /** Takes the element now rendered (after an update; back in the document). True when it is a new one. */
  follow(): boolean {
    const found = this.#host.renderRoot.querySelector<HTMLElement>(this.#selector);
    // Not while the host is out of the document (an update can run there): a detached element
    // reads as scrolled to the top and ignores scrollTop, which would lose the reader's place.
    return this.#use(found?.isConnected ? found : undefined);
  }

  /** Lets go of the element (the host left the document). */
  release(): void {
    this.#use(undefined);
  }

  #use(element: HTMLElement | undefined): boolean {
    if (element === this.#element) return false;
    this.#element?.removeEventListener('scroll', this.#onScroll);
    this.#resize.disconnect();
    this.#element = element;
    if (!element) return false;
    element.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#resize.observe(element);
    return true;
  }
}
