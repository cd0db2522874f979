import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { localesLoading, localesReady } from '../i18n/catalog.js';
import { themeStyles } from '../themes/theme.styles.js';
import { VERSION } from '../version.js';
import { hostStyles } from './host.styles.js';
import type { RaiEventMap } from './events.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Base of every rai-kit element: shared host and theme styles, the `theme` attribute,
 * a guarded `define()` and a typed event helper. Behaviour that only some widgets need
 * (data loading, tokens, streams) lives in reactive controllers, not here.
 */
export class RaiElement extends LitElement {
  /** The kit version this class belongs to. */
  static readonly version = VERSION;

  static override styles: CSSResultGroup = [themeStyles, hostStyles];

  /**
   * The elements declare their reactive properties here rather than with `@property`: the
   * CDN build compiles each module on its own, so every module using decorators carries its own
   * copy of the decorator helper and one call per property, and Lit's decorator modules load
   * with them (measured: 0.1 kB gzip per widget for these two base classes, 0.3–0.6 kB more for
   * the widgets' own). The JSDoc stays on the field, where the manifest analyzer reads it. Private
   * state is written as `@state()` declared it, `{ state: true, attribute: false }`: Lit needs
   * only `state`, but without `attribute: false` the analyzer lists the state as an attribute.
   */
  static override properties: PropertyDeclarations = { theme: { reflect: true } };

  /**
   * Registers the element under `tag`. Never throws when the tag is taken: two copies of
   * the kit on one page (an npm build and the CDN build, or two versions) must not crash
   * the page, so the second definition is skipped with a warning naming both versions.
   */
  static define(this: typeof RaiElement & CustomElementConstructor, tag: string): void {
    const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (existing === this) return;
    if (existing) {
      console.warn(
        `rai-kit: <${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
          `skipping the definition from version ${this.version}.`,
      );
      return;
    }
    customElements.define(tag, this);
  }

  /** `light` (default), `dark`, or `auto` to follow the user's `prefers-color-scheme`. */
  theme: Theme = 'light';

  /**
   * Also waits for message catalogs still loading after the update (languages other than
   * English load on first use, starting with the first render), so `await el.updateComplete`
   * sees the element in its language.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    return super.getUpdateComplete().then((complete) =>
      localesLoading() ? localesReady().then(() => super.getUpdateComplete()) : complete,
    );
  }

  /** Fires a typed, bubbling, composed event. Returns false when a listener cancelled it. */
  protected emit<K extends keyof RaiEventMap>(type: K, detail: RaiEventMap[K]['detail'], cancelable = false): boolean {
    /** @ignore Not an event of its own for the manifest: each element lists what it fires with `@fires`. */
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
