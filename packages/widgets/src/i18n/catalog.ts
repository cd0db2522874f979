import type { Locale } from './messages.js';

/**
 * One part of the kit's messages (the shared strings, or one widget's) in every language.
 * English is bundled: it is the fallback and the language most pages use. Every other
 * language is a dynamic import, so a page downloads only the languages its widgets show.
 * The `Record` makes tsc reject a part that misses a language.
 */
export type Catalog<P> = { readonly en: P } & Readonly<Record<Exclude<Locale, 'en'>, () => Promise<{ messages: P }>>>;

/** Loaded and in-flight languages, per catalog, shared by every element on the page. */
const loaded = new WeakMap<Catalog<unknown>, Map<Locale, unknown>>();
const loading = new WeakMap<Catalog<unknown>, Map<Locale, Promise<void>>>();
const pending = new Set<Promise<void>>();

/** The part in `locale` when it is already here (English always is), else `undefined`. */
export function messagesIn<P>(catalog: Catalog<P>, locale: Locale): P | undefined {
  if (locale === 'en') return catalog.en;
  return loaded.get(catalog)?.get(locale) as P | undefined;
}

/**
 * Loads the part in `locale` once per page; concurrent callers share the request. A failed
 * load (offline, blocked) leaves the language on English for this page with a warning: the
 * widget stays usable, and retrying on every render would flood a page that is offline.
 */
export function loadMessages<P>(catalog: Catalog<P>, locale: Exclude<Locale, 'en'>): Promise<void> {
  let inFlight = loading.get(catalog);
  if (!inFlight) loading.set(catalog, (inFlight = new Map()));
  const known = inFlight.get(locale);
  if (known) return known;
  const load = catalog[locale]().then(
    ({ messages }) => {
      let languages = loaded.get(catalog);
      if (!languages) loaded.set(catalog, (languages = new Map()));
      languages.set(locale, messages);
    },
    (error: unknown) => console.warn(`rai-kit: the ${locale} messages did not load; showing English.`, error),
  );
  inFlight.set(locale, load);
  pending.add(load);
  void load.finally(() => pending.delete(load));
  return load;
}

/** Whether a message catalog is on its way. */
export function localesLoading(): boolean {
  return pending.size > 0;
}

/**
 * Resolves once every message catalog requested so far has arrived (or failed), after the
 * elements waiting for them have asked to re-render. Elements' `updateComplete` includes
 * it (see `RaiElement`).
 */
export async function localesReady(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
