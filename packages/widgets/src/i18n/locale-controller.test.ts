import { expect, fixture, html } from '@open-wc/testing';
import { RaiElement } from '../base/rai-element.js';
import { localesLoading } from './catalog.js';
import { xpTierCatalog } from './catalogs/xp-tier.js';
import { LocaleController } from './locale-controller.js';

/** The smallest element with a catalog: shared and own messages, and a number. */
class LocaleProbe extends RaiElement {
  readonly locale = new LocaleController(this, xpTierCatalog);

  override render() {
    const { msg } = this.locale;
    return html`${msg.loading} | ${msg.xpTier.waysToEarn} | ${this.locale.number(1234.5)}`;
  }
}
LocaleProbe.define('rai-locale-probe');

const shown = (el: LocaleProbe) => el.shadowRoot!.textContent!.trim();

describe('LocaleController', () => {
  it('renders English, bundled, without loading anything', async () => {
    const el = await fixture<LocaleProbe>(html`<rai-locale-probe></rai-locale-probe>`);
    expect(shown(el)).to.equal('Loading… | Ways to earn XP | 1,234.5');
  });

  it('loads another language on first use: updateComplete includes it', async () => {
    const el = await fixture<LocaleProbe>(html`<rai-locale-probe lang="es"></rai-locale-probe>`);
    expect(shown(el)).to.equal(`Cargando… | Cómo ganar XP | ${(1234.5).toLocaleString('es')}`);
  });

  it('follows a language change at run time', async () => {
    const el = await fixture<LocaleProbe>(html`<rai-locale-probe lang="es"></rai-locale-probe>`);
    el.setAttribute('lang', 'ar');
    // One task: the attribute observer has asked for the update, which asked for Arabic.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal(`جارٍ التحميل… | طرق كسب نقاط الخبرة | ${(1234.5).toLocaleString('ar')}`);
  });

  it('keeps a loaded language for the page: a new element needs no request', async () => {
    await fixture(html`<rai-locale-probe lang="es"></rai-locale-probe>`);
    const el = document.createElement('rai-locale-probe') as LocaleProbe;
    el.lang = 'es-MX';
    document.body.append(el);
    // One task: the first render is done, and nothing waited for a catalog.
    await new Promise((resolve) => setTimeout(resolve));
    expect(localesLoading()).to.equal(false);
    expect(shown(el)).to.match(/^Cargando… \| Cómo ganar XP/);
    el.remove();
  });

  it('falls back to English messages for a language the kit does not ship, with its number format', async () => {
    const el = await fixture<LocaleProbe>(html`<rai-locale-probe lang="fr"></rai-locale-probe>`);
    expect(shown(el)).to.equal(`Loading… | Ways to earn XP | ${(1234.5).toLocaleString('fr')}`);
  });
});
