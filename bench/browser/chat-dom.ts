/** Where the chat widget keeps what the benches look at (its documented parts). */
import type { Widget } from './first-rows.js';

/** A message in the log; `data-id` is its message id. */
export const MESSAGE = '[part~=message][data-id]';

/** The widget's scrolling log (`part="log"`). */
export function logOf(el: Widget): HTMLElement {
  const log = el.shadowRoot!.querySelector<HTMLElement>('[part~=log]');
  if (!log) throw new Error('no [part~=log] in the chat widget');
  return log;
}

export function fromBottom(log: HTMLElement): number {
  return Math.max(0, Math.round(log.scrollHeight - log.clientHeight - log.scrollTop));
}

/** Resolves once nothing in `root` has changed for `quietMs` (pages loaded, renders done). */
export function settled(root: Node, quietMs = 500): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    function done(): void {
      observer.disconnect();
      resolve();
    }
  });
}
