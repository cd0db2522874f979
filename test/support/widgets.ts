/**
 * Browser test helpers shared by the widget tests: mounting a widget on the sandbox and
 * reading its shadow DOM.
 */
import { oneEvent } from '@open-wc/testing';
import type { RaiWidget } from '../../packages/widgets/src/base/rai-widget.js';
import { apiUrl, community } from './sandbox.js';

type WidgetTag = { [K in keyof HTMLElementTagNameMap]: HTMLElementTagNameMap[K] extends RaiWidget ? K : never }[keyof HTMLElementTagNameMap];

/**
 * Mounts `tag` on the sandbox after `setup` configured it, and waits for `waitFor`
 * (listening before it connects, so an early event is not missed).
 */
export async function mount<T extends WidgetTag, K extends keyof HTMLElementEventMap>(
  tag: T,
  waitFor: K,
  setup: (el: HTMLElementTagNameMap[T]) => void = () => {},
): Promise<{ el: HTMLElementTagNameMap[T]; event: HTMLElementEventMap[K] }> {
  const el = document.createElement(tag);
  el.setAttribute('community-id', community);
  el.apiUrl = apiUrl;
  setup(el);
  const pending = oneEvent(el, waitFor) as Promise<HTMLElementEventMap[K]>;
  document.body.append(el);
  const event = await pending;
  await el.updateComplete;
  return { el, event };
}

/** Whitespace-collapsed text of the first match of `selector` in `el`'s shadow root. */
export function shadowText(el: Element, selector: string): string {
  return el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
