import { clearFailure, showFailure } from './failure-notice.js';
import { isWidgetTag, widgetTags, type WidgetTag } from './widget-tags.js';

/** `rai-kit:ready`'s detail: the tags found at startup, by outcome. */
export interface ReadyDetail {
  defined: WidgetTag[];
  failed: WidgetTag[];
}

export interface LoaderOptions {
  /** Directory of the widget entries (the loader's own directory on the CDN). */
  base: URL;
  /** Imports one entry; the indirection lets tests fail a load without a network. */
  importer?: (url: string) => Promise<unknown>;
  /** Called for each widget element found, before its code loads (the API applies tokens here). */
  onElement?: (element: Element) => void;
}

export interface Loader {
  /** Settles with the startup outcome; `rai-kit:ready` fires on the document at the same time. */
  readonly ready: Promise<ReadyDetail>;
  /** Stops watching the document (tests; a page never needs it). */
  stop(): void;
}

const selector = widgetTags.join(',');

/**
 * Watches `doc` for known widget tags, now and later, and imports each used tag's entry
 * once. A failed import marks that tag's elements with a notice whose retry imports again.
 */
export function startLoader(doc: Document, { base, importer = (url) => import(url), onElement }: LoaderOptions): Loader {
  const loads = new Map<WidgetTag, Promise<boolean>>();
  const failed = new Set<WidgetTag>();
  let attempt = 0;

  const load = (tag: WidgetTag): Promise<boolean> => {
    let pending = loads.get(tag);
    if (pending) return pending;
    const url = new URL(`${tag}.js`, base);
    // Chromium fetches a failed module URL again, but a module map may keep the failure: a fresh URL is sure to.
    if (attempt > 0) url.searchParams.set('retry', String(attempt));
    // Another copy of the kit (the npm build) may have defined it: nothing to load.
    pending = customElements.get(tag)
      ? Promise.resolve(true)
      : importer(url.href).then(
          () => customElements.whenDefined(tag).then(() => true),
          (error: unknown) => {
            console.warn(`rai-kit: could not load <${tag}> from ${url.href}:`, error);
            loads.delete(tag);
            failed.add(tag);
            for (const element of doc.querySelectorAll(tag)) showFailure(element, () => retry(tag));
            return false;
          },
        );
    loads.set(tag, pending);
    return pending;
  };

  const retry = (tag: WidgetTag) => {
    attempt += 1;
    failed.delete(tag);
    for (const element of doc.querySelectorAll(tag)) clearFailure(element);
    void load(tag);
  };

  const found = (element: Element): WidgetTag | undefined => {
    const tag = element.localName;
    if (!isWidgetTag(tag)) return undefined;
    onElement?.(element);
    if (failed.has(tag)) showFailure(element, () => retry(tag));
    else void load(tag);
    return tag;
  };

  const scan = (root: Element): WidgetTag[] => {
    const tags = [found(root), ...Array.from(root.querySelectorAll(selector), found)];
    return tags.filter((tag): tag is WidgetTag => tag !== undefined);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  observer.observe(doc, { childList: true, subtree: true });

  const startupTags = [...new Set(doc.documentElement ? scan(doc.documentElement) : [])];
  const ready = Promise.all(startupTags.map((tag) => load(tag).then((ok) => [tag, ok] as const))).then((outcomes) => {
    const detail: ReadyDetail = {
      defined: outcomes.filter(([, ok]) => ok).map(([tag]) => tag),
      failed: outcomes.filter(([, ok]) => !ok).map(([tag]) => tag),
    };
    doc.dispatchEvent(new CustomEvent('rai-kit:ready', { detail }));
    return detail;
  });

  return { ready, stop: () => observer.disconnect() };
}
