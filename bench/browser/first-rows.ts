/** Page side of "time to first rows painted": ranked rows, or chat messages. */
import type { ChatMessage, Product } from '@rai-kit/core/api';
import { afterPaint, whenInDom } from './frames.js';
import type { FirstRowsResult, FirstRowsTarget, FloorRows } from './protocol.js';

/** The element the last `firstRows` mounted, kept for the scenarios that continue with it. */
export type Widget = HTMLElement & { updateComplete: Promise<boolean> };
let mounted: Widget | null = null;

export function lastMounted(): Widget {
  if (!mounted) throw new Error('mount an element with firstRows first');
  return mounted;
}

/**
 * Marks `rai-bench:connected`, `:in-dom` and `:painted` and measures from the first to the
 * others, so a DevTools trace of the page shows the same intervals the bench reports.
 */
export async function firstRows(target: FirstRowsTarget): Promise<FirstRowsResult> {
  performance.clearMarks();
  performance.clearMeasures();
  const rows = target.kind === 'floor' ? await floor(target) : await element(target);
  performance.mark('rai-bench:in-dom');
  await afterPaint();
  performance.mark('rai-bench:painted');
  return {
    domMs: performance.measure('rai-bench:first-rows-in-dom', 'rai-bench:connected', 'rai-bench:in-dom').duration,
    paintMs: performance.measure('rai-bench:first-rows-painted', 'rai-bench:connected', 'rai-bench:painted').duration,
    rows,
    requests: performance
      .getEntriesByType('resource')
      .filter((entry) => !entry.name.startsWith(location.origin))
      .map((entry) => entry.name),
  };
}

/** Resolves with the number of content rows as soon as there are any. */
async function element(target: Extract<FirstRowsTarget, { kind: 'element' }>): Promise<number> {
  const el = document.createElement(target.tag) as Widget;
  mounted = el;
  for (const [name, value] of Object.entries(target.attributes)) el.setAttribute(name, value);
  performance.mark('rai-bench:connected');
  document.body.append(el);
  // Lit attaches the shadow root when connected and renders in a later microtask: nothing is missed.
  const root = el.shadowRoot!;
  return whenInDom(root, () => root.querySelectorAll(target.readySelector).length, target.readySelector);
}

/** The floor: one fetch of the same page the widget reads, rows written with innerHTML. */
async function floor({ url, rows }: Extract<FirstRowsTarget, { kind: 'floor' }>): Promise<number> {
  performance.mark('rai-bench:connected');
  const box = document.createElement('div');
  box.setAttribute('role', FLOOR_ROLE[rows]);
  document.body.append(box);
  const { data } = (await (await fetch(url, { headers: { Accept: 'application/json' } })).json()) as { data: never[] };
  box.innerHTML = data.map(FLOOR_ROW[rows]).join('');
  return data.length;
}

interface FloorEntry {
  rank: number;
  score: number;
  user: { displayName: string; avatarUrl: string };
}

const FLOOR_ROLE: { [K in FloorRows]: string } = { entries: 'table', messages: 'log', products: 'list' };

/** The least a page can write per item: what a reader sees, nothing more. */
const FLOOR_ROW: { [K in FloorRows]: (item: never) => string } = {
  entries: (e: FloorEntry) =>
    `<div role="row"><span role="cell">${e.rank}</span><span role="cell"><img src="${escape(e.user.avatarUrl)}" alt="" width="32" height="32">` +
    `${escape(e.user.displayName)}</span><span role="cell">${e.score.toLocaleString()}</span></div>`,
  messages: (m: ChatMessage) =>
    `<article><img src="${escape(m.author.avatarUrl)}" alt="" width="32" height="32"><b>${escape(m.author.displayName)}</b> ` +
    `<time>${new Date(m.createdAt).toLocaleTimeString()}</time><p>${escape(m.text)}</p></article>`,
  products: (p: Product) => floorProduct(p),
};

/**
 * A product card with what a shopper first sees: image, name, price. The image is decoded off
 * the frame (as the widget's are), so the floor's paint does not wait for 24 image decodes.
 */
export function floorProduct(p: Product): string {
  const image = p.imageUrl ? `<img src="${escape(p.imageUrl)}" alt="" width="64" height="64" loading="lazy" decoding="async">` : '';
  return `<div role="listitem" data-id="${escape(p.id)}">${image}<h3>${escape(p.name)}</h3><p>${p.currentPrice.toLocaleString()}</p></div>`;
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
