/**
 * The demo's element reference (demo/docs.html) renders custom-elements.json through
 * demo/docs-render.ts: what a reader sees per element, and that it passes axe.
 */
import { expect } from '@open-wc/testing';
import { elementsOf, exampleMarkup, renderElementDocs, type Declaration, type Manifest } from '../../demo/docs-render.js';

const manifest = (await (await fetch('/packages/widgets/custom-elements.json')).json()) as Manifest;
const elements = elementsOf(manifest);

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The rows of the table captioned `caption`, as cell texts. */
function rows(section: HTMLElement, caption: string): string[][] {
  const table = [...section.querySelectorAll('table')].find((t) => text(t.caption) === caption);
  return [...(table?.tBodies[0]?.rows ?? [])].map((row) => [...row.cells].map((cell) => text(cell)));
}

function mount(...sections: HTMLElement[]): HTMLElement {
  const main = document.createElement('main');
  main.append(...sections);
  document.body.append(main);
  return main;
}
afterEach(() => document.querySelectorAll('main').forEach((main) => main.remove()));

describe('element reference (demo/docs.html)', () => {
  it('has a section per defined element, headed by its tag, with its summary', () => {
    const main = mount(...elements.map((element) => renderElementDocs(element)));
    const headings = [...main.querySelectorAll('h2')].map((h2) => text(h2));
    expect(headings).to.include.members(['<rai-leaderboard>', '<rai-xp-tier>', '<rai-chat-channel>', '<rai-store>', '<rai-frame>', '<rai-chat-composer>', '<rai-emoji-picker>', '<rai-store-product-dialog>']);
    for (const element of elements) {
      const section = main.querySelector<HTMLElement>(`section#${element.tagName}`)!;
      // Backticks become <code>: the text is the summary without them.
      expect(text(section.querySelector('.summary'))).to.equal(element.summary!.replace(/\s+/g, ' ').replaceAll('`', '').trim());
    }
  });

  it('lists attributes (inherited ones marked), events with their types, parts and custom properties', () => {
    const leaderboard = elements.find((e) => e.tagName === 'rai-leaderboard')!;
    const section = renderElementDocs(leaderboard);
    mount(section);
    const attributes = rows(section, 'Attributes');
    expect(attributes.find(([name]) => name === 'leaderboard-id')?.[1]).to.equal('leaderboardId');
    expect(attributes.find(([name]) => name === 'community-id')?.at(-1)).to.contain('(from RaiWidget)');
    expect(rows(section, 'Properties (JavaScript only)').map(([name]) => name)).to.include('tokenProvider');
    expect(rows(section, 'Methods').map(([name]) => name)).to.include('reload()');
    expect(rows(section, 'Events').find(([name]) => name === 'rai-period-change')?.[1]).to.equal('CustomEvent<PeriodChangeDetail>');
    expect(rows(section, 'CSS parts').map(([name]) => name)).to.have.members(leaderboard.cssParts!.map((p) => p.name));
    expect(rows(section, 'CSS custom properties').map(([name]) => name)).to.include('--rai-leaderboard-row-height');
    expect(text(section)).to.contain('No slots.');
  });

  it('shows a live example with the markup a partner writes', () => {
    const example = { 'community-id': 'demo', 'leaderboard-id': 'lb-xp' };
    const section = renderElementDocs(elements.find((e) => e.tagName === 'rai-leaderboard')!, example);
    mount(section);
    expect(text(section.querySelector('.example pre'))).to.equal(exampleMarkup('rai-leaderboard', example));
    expect(exampleMarkup('rai-leaderboard', example)).to.equal('<rai-leaderboard community-id="demo" leaderboard-id="lb-xp"></rai-leaderboard>');
    const live = section.querySelector('.example rai-leaderboard');
    expect(live?.getAttribute('leaderboard-id')).to.equal('lb-xp');
  });

  it('renders manifest text as text, never as markup', () => {
    const hostile: Declaration & { tagName: string } = {
      kind: 'class',
      name: 'Hostile',
      tagName: 'x-hostile',
      summary: '<img src=x onerror="window.pwned = true">',
      cssParts: [{ name: 'frame', description: 'A `<script>` in code, <b>bold</b> in prose.' }],
    };
    const section = renderElementDocs(hostile);
    mount(section);
    expect(section.querySelector('img, script, b')).to.equal(null);
    expect(text(section.querySelector('.summary'))).to.equal('<img src=x onerror="window.pwned = true">');
    expect(rows(section, 'CSS parts')[0]?.[1]).to.equal('A <script> in code, <b>bold</b> in prose.');
  });

  it('passes axe', async () => {
    const main = mount(...elements.map((element) => renderElementDocs(element, undefined, 'No live example.')));
    await expect(main).to.be.accessible();
  });
});
