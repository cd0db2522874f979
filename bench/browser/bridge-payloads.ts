/** The payloads of the bridge bench, the same bytes for every library. */
import type { PayloadName } from './bridge-protocol.js';

/** A chat-page-like object of about 10 kB as JSON: structured clone walks every field. */
function tenKilobytes() {
  return {
    items: Array.from({ length: 50 }, (_, i) => ({
      id: `msg_${String(i).padStart(6, '0')}`,
      author: { id: `u_${i % 7}`, name: `Member ${i % 7}` },
      text: 'The quick brown fox jumps over the lazy dog. '.repeat(2),
      createdAt: 1_764_000_000_000 + i * 1_000,
      reactions: [i % 3, i % 5],
    })),
  };
}

export const PAYLOAD_VALUES: Record<PayloadName, unknown> = { tiny: { n: 1 }, '10kB': tenKilobytes() };
