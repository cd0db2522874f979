import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ar } from './locales/ar.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import type { Locale, Messages } from './messages.js';

const catalogs: Record<Locale, Messages> = { en, ar, es };
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
 * fall back to English for languages the kit does not ship; numbers and dates are still
 * formatted with `Intl` in the requested locale.
 *
 * Hand-written rather than @lit/localize: that needs a build step to extract strings, and
 * a widget kit loaded by one script tag ships its catalogs as plain modules.
 */
export class LocaleController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  #numberFormat: Intl.NumberFormat | undefined;
  #formatLocale = '';

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
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

  /** The message catalog for the language, English when the kit has none for it. */
  get msg(): Messages {
    const base = this.lang.split('-')[0]!.toLowerCase() as Locale;
    return catalogs[base] ?? en;
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
