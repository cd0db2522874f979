import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { RaiElement } from '../base/rai-element.js';
import { darkTokens, lightTokens, sharedTokens, type TokenSet } from './tokens.js';

class ThemeProbe extends RaiElement {}
ThemeProbe.define('rai-theme-probe');

/** The private alias each public token is read into (theme.styles.ts); `color-bg` has none. */
const ALIASES: Record<Exclude<keyof TokenSet, 'color-bg'> | keyof typeof sharedTokens, string> = {
  'color-surface': '--_surface',
  'color-surface-raised': '--_raised',
  'color-text': '--_text',
  'color-text-muted': '--_muted',
  'color-border': '--_border',
  'color-primary': '--_primary',
  'color-on-primary': '--_on-primary',
  'color-success': '--_color-success',
  'color-danger': '--_color-danger',
  'focus-ring': '--_focus',
  font: '--_font',
  'font-size': '--_font-size',
  radius: '--_radius',
  space: '--_space',
};

/** What the widget styles read, per public token name. */
function aliasValues(el: Element): Record<string, string> {
  const style = getComputedStyle(el);
  return Object.fromEntries(Object.entries(ALIASES).map(([token, alias]) => [token, style.getPropertyValue(alias).trim()]));
}

/** The defaults tokens.ts documents, as the browser computes them (quotes in `font` normalised). */
function expected(colours: TokenSet): Record<string, string> {
  const { 'color-bg': _bg, ...used } = colours;
  const all: Record<string, string> = { ...sharedTokens, ...used };
  return Object.fromEntries(Object.keys(ALIASES).map((token) => [token, all[token]!.replaceAll('"', "'")]));
}

describe('theme', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('gives every widget the documented light defaults, and the dark ones with theme="dark"', async () => {
    const el = await fixture<ThemeProbe>(html`<rai-theme-probe></rai-theme-probe>`);
    expect(aliasValues(el)).to.deep.equal(expected(lightTokens));
    expect(getComputedStyle(el).colorScheme).to.equal('light');
    el.theme = 'dark';
    await el.updateComplete;
    expect(aliasValues(el)).to.deep.equal(expected(darkTokens));
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('follows the user’s colour scheme with theme="auto"', async () => {
    const el = await fixture<ThemeProbe>(html`<rai-theme-probe theme="auto"></rai-theme-probe>`);
    expect(aliasValues(el)).to.deep.equal(expected(lightTokens));
    await emulateMedia({ colorScheme: 'dark' });
    expect(aliasValues(el)).to.deep.equal(expected(darkTokens));
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('lets a global token set on an ancestor win over the default, in either theme', async () => {
    const parent = await fixture<HTMLElement>(
      html`<div style="--rai-color-primary: rgb(1, 2, 3); --rai-space: 3px"><rai-theme-probe theme="dark"></rai-theme-probe></div>`,
    );
    const values = aliasValues(parent.firstElementChild!);
    expect(values['color-primary']).to.equal('rgb(1, 2, 3)');
    expect(values.space).to.equal('3px');
    expect(values['color-text']).to.equal(darkTokens['color-text']);
  });
});
