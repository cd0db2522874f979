/** Page side of "send 500 messages": the widget's own `send()` and outbox, counted by its events. */
import type { SendResult } from './chat-protocol.js';
import type { Widget } from './first-rows.js';

type ChatWidget = Widget & { send(text: string): unknown };

export function sendAll(el: Widget, texts: string[], timeoutMs: number): Promise<SendResult> {
  const failures: string[] = [];
  let sent = 0;
  let lastSentAt = 0;
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      el.removeEventListener('rai-message-sent', onSent);
      el.removeEventListener('rai-message-failed', onFailed);
      resolve({ sent, failures, wallMs: (failures.length ? performance.now() : lastSentAt) - start });
    };
    const onSent = () => {
      sent++;
      lastSentAt = performance.now();
      if (sent >= texts.length) finish();
    };
    // The outbox gave up on one: the bench reports it and fails.
    const onFailed = (event: Event) => {
      failures.push(JSON.stringify((event as CustomEvent).detail));
      finish();
    };
    el.addEventListener('rai-message-sent', onSent);
    el.addEventListener('rai-message-failed', onFailed);
    const timer = setTimeout(finish, timeoutMs);
    const start = performance.now();
    for (const text of texts) (el as ChatWidget).send(text);
  });
}
