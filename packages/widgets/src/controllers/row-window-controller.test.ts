import { expect, fixture, html } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { RowWindowController } from './row-window-controller.js';

const ROW_PX = 20;

/**
 * A list of 500 fixed-height rows windowed by the controller, and nothing else: no other
 * controller asks for updates (the widgets' event streams update them on every reconnect).
 */
class RowWindowProbe extends LitElement {
  static override styles = css`
    .list { height: 200px; overflow: auto; }
    .row { height: ${ROW_PX}px; }
  `;

  readonly rows = new RowWindowController(this, { container: '.list', rowSelector: '.row' });

  override render() {
    const { start, end, before, after } = this.rows.window(500);
    const shown = Array.from({ length: end - start }, (_, i) => start + i);
    return html`<div class="list">
      <div style="height: ${before}px"></div>
      ${shown.map((i) => html`<div class="row">Row ${i}</div>`)}
      <div style="height: ${after}px"></div>
    </div>`;
  }
}
customElements.define('rai-row-window-probe', RowWindowProbe);

const list = (el: RowWindowProbe) => el.shadowRoot!.querySelector<HTMLElement>('.list')!;

/** The row the reader sees at the top of the list (none when the window missed the viewport). */
function topRow(el: RowWindowProbe): string | undefined {
  const top = list(el).getBoundingClientRect().top;
  return [...el.shadowRoot!.querySelectorAll('.row')]
    .find((row) => {
      const box = row.getBoundingClientRect();
      return box.top <= top && top < box.bottom;
    })
    ?.textContent?.trim();
}

/** After the scroll events and renders a change sets off. */
async function settled(el: RowWindowProbe): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
}

describe('RowWindowController', () => {
  it('keeps the reader’s place when its host is moved, and then where they scroll', async () => {
    const el = await fixture<RowWindowProbe>(html`<rai-row-window-probe></rai-row-window-probe>`);
    await settled(el);
    list(el).scrollTop = 80 * ROW_PX;
    await settled(el);
    expect(topRow(el)).to.equal('Row 80');
    // Leaving the document resets the list to the top, and no update follows the move here.
    const parent = document.body.appendChild(document.createElement('section'));
    parent.append(el);
    await settled(el);
    expect(topRow(el), 'moved: the same row on top').to.equal('Row 80');
    // The reader scrolls, then the host updates: their scroll is not undone.
    list(el).scrollTop = 20 * ROW_PX;
    await settled(el);
    el.requestUpdate();
    await settled(el);
    expect(topRow(el), 'where the reader scrolled').to.equal('Row 20');
    parent.remove();
  });
});
