import { EMOJI, REACTION_CHOICES } from '@rai-kit/core/chat';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from '../base/style-map.js';
import { RaiElement } from '../base/rai-element.js';
import { chatCatalog } from '../i18n/catalogs/chat.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { emojiPickerStyles } from './emoji-picker.styles.js';

/** What `rai-emoji-pick` tells the owner. */
export interface EmojiPickDetail {
  /** The chosen shortcode, e.g. `:sparkling_heart:`. */
  shortcode: string;
}

/** What `rai-emoji-close` tells the owner: why the user dismissed the picker. */
export interface EmojiCloseDetail {
  reason: 'escape' | 'outside';
}

declare module '../base/events.js' {
  interface RaiEventMap {
    /** The user chose an emoji in `<rai-emoji-picker>`. */
    'rai-emoji-pick': CustomEvent<EmojiPickDetail>;
    /** The user dismissed `<rai-emoji-picker>` (Escape, or a press outside it). */
    'rai-emoji-close': CustomEvent<EmojiCloseDetail>;
  }
}

/** Emoji per row; arrow Up/Down move by a row. */
const COLUMNS = 4;

/** `:sparkling_heart:` → `sparkling heart`: the shortcode's words are the emoji's name. */
export function emojiName(shortcode: string): string {
  return shortcode.replace(/^:|:$/g, '').replace(/_/g, ' ');
}

/**
 * The owner opens it (`open`), positions it (CSS on the host), and closes it on
 * `rai-emoji-pick` and `rai-emoji-close`: the picker never closes itself, so `open` always
 * says what the owner decided. Opening moves focus to the first emoji; arrow keys move
 * between emoji (wrapping; Up/Down by a row, Left/Right follow the reading direction), Home
 * and End jump to the ends, Enter or Space picks. When it closes with focus inside, focus
 * returns to `anchor`.
 *
 * @summary A small popover grid of emoji (a menu): pick one with the pointer or the keyboard.
 *
 * @fires rai-emoji-pick - An emoji was chosen (`detail.shortcode`).
 * @fires rai-emoji-close - Escape, or a press outside the picker and its `anchor` (`detail.reason`).
 *
 * @csspart menu - The grid of emoji.
 * @csspart emoji - One emoji button.
 *
 * @cssprop --rai-emoji-picker-size - Size of each emoji button. Default: 2.25rem.
 */
export class RaiEmojiPicker extends RaiElement {
  static override styles = [RaiElement.styles, emojiPickerStyles];

  /** Without decorators, like RaiElement's (see there). */
  static override properties: PropertyDeclarations = {
    choices: { attribute: false },
    open: { type: Boolean, reflect: true },
    label: {},
    anchor: { attribute: false },
    active: { state: true, attribute: false },
  };

  /** Shortcodes offered, in order. Default: the reaction set (`REACTION_CHOICES`). */
  choices: readonly string[] = REACTION_CHOICES;

  /** Shown while true. Set by the owner. */
  open = false;

  /** Accessible name of the menu. Default: "Choose an emoji", in the element's language. */
  label = '';

  /**
   * The control that opens the picker. Presses on it are not "outside" (it toggles the
   * picker itself), and focus returns to it when the picker closes with focus inside.
   */
  anchor: HTMLElement | null = null;

  /** Index of the emoji that holds the tab stop (roving tabindex). */
  private active = 0;

  private readonly locale = new LocaleController(this, chatCatalog);

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved while open (willUpdate sees no change of `open` then): listen again.
    if (this.open) document.addEventListener('pointerdown', this.onPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onPointerDown, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) {
      this.active = 0;
      // Capture: a press whose handler stops propagation still counts as outside.
      document.addEventListener('pointerdown', this.onPointerDown, true);
    } else {
      document.removeEventListener('pointerdown', this.onPointerDown, true);
      // Still displayed here (the attribute reflects during this update): was focus in it?
      if (changed.get('open') && this.matches(':focus-within')) this.anchor?.focus();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) this.buttons()[0]?.focus();
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    const path = event.composedPath();
    if (path.includes(this) || (this.anchor && path.includes(this.anchor))) return;
    this.emit('rai-emoji-close', { reason: 'outside' });
  };

  private buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=emoji]')];
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.choices.length;
    const forward = this.locale.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.locale.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const steps: Record<string, number> = { [forward]: 1, [backward]: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    let next: number;
    if (event.key in steps) next = (((this.active + steps[event.key]!) % count) + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      // Escape closes this popover only, not a dialog around it.
      event.stopPropagation();
      this.emit('rai-emoji-close', { reason: 'escape' });
      return;
    } else return;
    event.preventDefault();
    this.active = next;
    this.buttons()[next]?.focus();
  }

  private pick(index: number): void {
    this.active = index;
    this.emit('rai-emoji-pick', { shortcode: this.choices[index]! });
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const { msg, dir, lang } = this.locale;
    return html`<div
      part="menu"
      class="menu"
      role="menu"
      aria-label=${this.label || msg.composer.emojiPicker}
      dir=${dir}
      lang=${lang}
      style=${styleMap({ '--columns': String(Math.min(COLUMNS, this.choices.length)) })}
      @keydown=${this.onKeyDown}
    >
      ${this.choices.map(
        // Buttons activate on Enter and Space by themselves.
        (shortcode, i) => html`<button
          part="emoji"
          class="emoji"
          role="menuitem"
          tabindex=${i === this.active ? '0' : '-1'}
          aria-label=${emojiName(shortcode)}
          @click=${() => this.pick(i)}
        >
          ${EMOJI[shortcode] ?? shortcode}
        </button>`,
      )}
    </div>`;
  }
}
