/** Entry of the chat bench page: `<rai-chat-channel>` plus the scenarios chat.ts drives. */
import '@rai-kit/widgets/define/chat-channel';
import { MESSAGE, fromBottom, logOf, settled } from './chat-dom.js';
import { received, watch } from './chat-receive.js';
import { scrollBack } from './chat-scroll-back.js';
import { sendAll } from './chat-send.js';
import { sendAttempts, tapFetch } from './chat-fetch-tap.js';
import { firstRows, lastMounted } from './first-rows.js';

window.raiChatBench = {
  firstRows,
  tapFetch,
  sendAttempts,
  scrollBack: (messages) => scrollBack(lastMounted(), messages),
  async leaveBottom() {
    const el = lastMounted();
    const log = logOf(el);
    // First let the opening render settle: until then the widget keeps (re)pinning to the bottom.
    await settled(el.shadowRoot!);
    log.scrollTop = log.scrollHeight - 3 * log.clientHeight;
    await settled(el.shadowRoot!);
    if (fromBottom(log) < log.clientHeight) {
      throw new Error(`could not leave the bottom: ${el.shadowRoot!.querySelectorAll(MESSAGE).length} messages, ${fromBottom(log)} px from it`);
    }
  },
  watch: () => watch(lastMounted()),
  received: (count, idleMs) => received(lastMounted(), count, idleMs),
  sendAll: (texts, timeoutMs) => sendAll(lastMounted(), texts, timeoutMs),
};
