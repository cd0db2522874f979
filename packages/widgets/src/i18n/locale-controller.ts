import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadMessages, messagesIn, type Catalog } from './catalog.js';
import { commonCatalog } from './catalogs/common.js';
import type { Locale, WidgetMessages } from './messages.js';

const SHIPPED = new Set<string>(['en', 'ar', 'es'] satisfies Locale[]);
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** The nearest `lang`/`dir` attribute, walking out through shadow roots to `<html>`. */
function inherited(start: Element, attribute: 'lang' | 'dir'): string | null {
  let node: Element | null = start;
  while (node) {
    const value = node.getAttribute(attribute);
    if (value) return value;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return null;
}

/**
 * Language and direction for a widget: from the element's own `lang`/`dir`, its
 * ancestors, then `<html>`; re-renders the host when `<html lang|dir>` changes. Messages
 * are the shared strings plus the widget's own `catalog` part. They fall back to English
 * for languages the kit does not ship; numbers and dates are still formatted with `Intl` in
 * the requested locale.
 *
 * Other languages than English load on first use (see `Catalog`): until they arrive the
 * element renders in English and re-renders when they do. English rather than nothing,
 * because the first render is the skeleton (its only text is a visually hidden "Loading…"),
 * and rendering nothing would let the page's layout jump; the catalog request starts with
 * that render, alongside the data request, and is usually back first.
 *
 * Hand-written rather than @lit/localize: that needs a build step to extract strings, and
 * a widget kit loaded by one script tag ships its catalogs as plain modules.
 */
export class LocaleController<P extends object = object> implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #catalog: Catalog<P>;
  #observer: MutationObserver | undefined;
  #numberFormat: Intl.NumberFormat | undefined;
  #formatLocale = '';
  /** The merged messages of the last language served, so renders do not rebuild them. */
  #messages: { locale: Locale; msg: WidgetMessages<P> } | undefined;
  #english: WidgetMessages<P> | undefined;
  /** The language whose catalogs this element asked for, so each render does not ask again. */
  #awaited: Locale | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, catalog: Catalog<P>) {
    this.#host = host;
    this.#catalog = catalog;
    host.addController(this);
  }

  hostConnected(): void {
    // Ancestors other than <html> rarely change language at run time; watching them all
    // would cost an observer per ancestor, so only the element and <html> are watched.
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    const options = { attributes: true, attributeFilter: ['lang', 'dir'] };
    this.#observer.observe(document.documentElement, options);
    this.#observer.observe(this.#host, options);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  /** BCP 47 language tag in effect, e.g. `ar-EG`; `en` when none is set. */
  get lang(): string {
    return inherited(this.#host, 'lang') ?? 'en';
  }

  /** `rtl` or `ltr`, from `dir` when set, else from the language. */
  get dir(): 'ltr' | 'rtl' {
    const dir = inherited(this.#host, 'dir');
    if (dir === 'rtl' || dir === 'ltr') return dir;
    return RTL_LANGUAGES.has(this.lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
  }

  /**
   * The messages in the element's language: English when the kit has none for it, and
   * while the language's catalog is still loading (the host re-renders when it arrives).
   */
  get msg(): WidgetMessages<P> {
    const base = this.lang.split('-')[0]!.toLowerCase();
    const locale: Locale = SHIPPED.has(base) ? (base as Locale) : 'en';
    if (this.#messages?.locale === locale) return this.#messages.msg;
    const common = messagesIn(commonCatalog, locale);
    const own = messagesIn(this.#catalog, locale);
    if (common && own) {
      this.#messages = { locale, msg: { ...common, ...own } };
      return this.#messages.msg;
    }
    if (locale !== 'en' && this.#awaited !== locale) {
      this.#awaited = locale;
      for (const catalog of [commonCatalog, this.#catalog] as Catalog<object>[]) {
        void loadMessages(catalog, locale).then(() => this.#host.requestUpdate());
      }
    }
    return (this.#english ??= { ...commonCatalog.en, ...this.#catalog.en });
  }

  /** Formats an integer or decimal in the element's locale. */
  number(value: number): string {
    const lang = this.lang;
    if (!this.#numberFormat || this.#formatLocale !== lang) {
      this.#numberFormat = safeNumberFormat(lang);
      this.#formatLocale = lang;
    }
    return this.#numberFormat.format(value);
  }
}

/** An invalid `lang` must not break the widget: fall back to English formatting. */
function safeNumberFormat(lang: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang);
  } catch {
    return new Intl.NumberFormat('en');
  }
}
