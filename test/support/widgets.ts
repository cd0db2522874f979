/**
 * Browser test helpers shared by the widget tests: mounting a widget on the sandbox and
 * reading its shadow DOM.
 */
import { oneEvent } from '@open-wc/testing';
import { clearSharedTokenSources } from '@rai-kit/core/auth';
import type { RaiWidget } from '../../packages/widgets/src/base/rai-widget.js';
import { apiUrl, clearFaults, community } from './sandbox.js';

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

/**
 * Sandbox member ids `u_<first>`, `u_<first + 1>`, …: a distinct member per test, so awards
 * in one test never leak into another. Give each test file its own range.
 */
export function memberIds(first: number): () => string {
  let next = first;
  return () => `u_${String(next++).padStart(4, '0')}`;
}

/** After each test: no token source or injected fault outlives it. */
export function resetSandboxAfterEach(): void {
  afterEach(async () => {
    clearSharedTokenSources();
    await clearFaults();
  });
}
