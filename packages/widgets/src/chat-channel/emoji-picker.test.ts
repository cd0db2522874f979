import { expect, fixture, html } from '@open-wc/testing';
import { EMOJI, REACTION_CHOICES } from '@rai-kit/core/chat';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import { RaiEmojiPicker, type EmojiCloseDetail, type EmojiPickDetail } from './emoji-picker.js';

RaiEmojiPicker.define('rai-emoji-picker');

const emoji = (el: RaiEmojiPicker) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=emoji]')];
/** Index of the focused emoji, -1 when focus is elsewhere. */
const focusedIndex = (el: RaiEmojiPicker) => emoji(el).indexOf(el.shadowRoot!.activeElement as HTMLButtonElement);
const tabStops = (el: RaiEmojiPicker) => emoji(el).filter((b) => b.tabIndex === 0).length;

/** An anchor button and a closed picker beside it, as an owner would place them; `lang` on their parent. */
async function setup(lang?: string) {
  const parent = await fixture<HTMLElement>(html`<div lang=${lang ?? nothing}>
    <button id="anchor">React</button>
    <rai-emoji-picker></rai-emoji-picker>
    <p id="elsewhere">Elsewhere</p>
  </div>`);
  const el = parent.querySelector<RaiEmojiPicker>('rai-emoji-picker')!;
  const anchor = parent.querySelector<HTMLButtonElement>('#anchor')!;
  el.anchor = anchor;
  const picks: EmojiPickDetail[] = [];
  const closes: EmojiCloseDetail[] = [];
  el.addEventListener('rai-emoji-pick', (e) => picks.push(e.detail));
  el.addEventListener('rai-emoji-close', (e) => closes.push(e.detail));
  return { el, anchor, parent, picks, closes };
}

async function open(el: RaiEmojiPicker) {
  el.open = true;
  await el.updateComplete;
}

function pointerDown(target: Element) {
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
}

describe('<rai-emoji-picker>', () => {
  it('shows nothing while closed', async () => {
    const { el } = await setup();
    expect(emoji(el)).to.deep.equal([]);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('opens as a labelled menu of named emoji, focus on the first', async () => {
    const { el, anchor } = await setup();
    anchor.focus();
    await open(el);
    expect(el.hasAttribute('open')).to.be.true;
    const menu = el.shadowRoot!.querySelector('[role=menu]')!;
    expect(menu.getAttribute('aria-label')).to.equal('Choose an emoji');
    expect(emoji(el).map((b) => b.textContent!.trim())).to.deep.equal(REACTION_CHOICES.map((s) => EMOJI[s]));
    expect(emoji(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'thumbsup',
      'sparkling heart',
      'joy',
      'fire',
      'tada',
      'eyes',
      'pray',
      '100',
    ]);
    expect(focusedIndex(el)).to.equal(0);
    expect(tabStops(el)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('moves with the arrow keys (wrapping, Up/Down by a row), Home and End; Enter and Space pick', async () => {
    const { el, picks } = await setup();
    await open(el);
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
      return focusedIndex(el);
    };
    expect(await press('ArrowRight')).to.equal(1);
    expect(await press('ArrowDown')).to.equal(5);
    expect(await press('ArrowDown'), 'wraps to the first row').to.equal(1);
    expect(await press('ArrowUp'), 'wraps to the last row').to.equal(5);
    expect(await press('End')).to.equal(7);
    expect(await press('ArrowRight'), 'wraps to the first').to.equal(0);
    expect(await press('ArrowLeft'), 'wraps to the last').to.equal(7);
    expect(await press('Home')).to.equal(0);
    expect(tabStops(el), 'one tab stop, wherever focus is').to.equal(1);
    expect(emoji(el)[0]!.tabIndex).to.equal(0);

    await press('ArrowRight');
    await sendKeys({ press: 'Enter' });
    await press('ArrowRight');
    await sendKeys({ press: 'Space' });
    expect(picks).to.deep.equal([{ shortcode: ':sparkling_heart:' }, { shortcode: ':joy:' }]);
  });

  it('follows the reading direction in RTL: ArrowLeft moves forward', async () => {
    const { el } = await setup('ar');
    await open(el);
    expect(el.shadowRoot!.querySelector('[role=menu]')!.getAttribute('dir')).to.equal('rtl');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focusedIndex(el)).to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedIndex(el)).to.equal(0);
  });

  it('asks to close on Escape and on a press outside, not on a press inside or on its anchor', async () => {
    const { el, anchor, parent, closes } = await setup();
    await open(el);
    pointerDown(emoji(el)[2]!);
    pointerDown(anchor);
    expect(closes).to.deep.equal([]);
    pointerDown(parent.querySelector('#elsewhere')!);
    expect(closes).to.deep.equal([{ reason: 'outside' }]);
    await sendKeys({ press: 'Escape' });
    expect(closes).to.deep.equal([{ reason: 'outside' }, { reason: 'escape' }]);
    expect(el.open, 'the owner decides: the picker does not close itself').to.be.true;

    el.open = false;
    await el.updateComplete;
    expect(anchor.matches(':focus'), 'focus returns to the anchor').to.be.true;
    pointerDown(parent.querySelector('#elsewhere')!);
    expect(closes.length, 'closed: presses elsewhere are not its business').to.equal(2);
  });

  it('still notices presses outside after being moved while open', async () => {
    const { el, parent, closes } = await setup();
    await open(el);
    parent.append(el);
    pointerDown(parent.querySelector('#elsewhere')!);
    expect(closes).to.deep.equal([{ reason: 'outside' }]);
    el.remove();
    pointerDown(parent.querySelector('#elsewhere')!);
    expect(closes.length, 'removed: it stops listening').to.equal(1);
  });

  it('offers the owner’s choices under the owner’s label', async () => {
    const { el, picks } = await setup();
    el.choices = [':rocket:', ':coin:', ':not_an_emoji:'];
    el.label = 'React to the message from Ana';
    await open(el);
    expect(el.shadowRoot!.querySelector('[role=menu]')!.getAttribute('aria-label')).to.equal('React to the message from Ana');
    expect(emoji(el).map((b) => [b.textContent!.trim(), b.getAttribute('aria-label')])).to.deep.equal([
      ['🚀', 'rocket'],
      ['🪙', 'coin'],
      [':not_an_emoji:', 'not an emoji'],
    ]);
    emoji(el)[1]!.click();
    expect(picks).to.deep.equal([{ shortcode: ':coin:' }]);
  });

  it('passes axe open in dark theme and in Arabic', async () => {
    const { el } = await setup('ar');
    el.theme = 'dark';
    await open(el);
    expect(el.shadowRoot!.querySelector('[role=menu]')!.getAttribute('aria-label')).to.equal('اختر رمزًا تعبيريًا');
    await expect(el).to.be.accessible();
  });
});
