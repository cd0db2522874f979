/** One dispatched Server-Sent Event. `event` and `id` are absent when the event set none. */
export interface SseMessage {
  id?: string | undefined;
  event?: string | undefined;
  data: string;
}

/** Callbacks of {@link createSseParser}. */
export interface SseParserHandlers {
  onMessage(message: SseMessage): void;
  /** The server's `retry:` field, in ms. */
  onRetry(ms: number): void;
}

/**
 * Parses a decoded event stream, fed in chunks of any size, as the HTML standard's "event
 * stream interpretation" does: LF, CR or CRLF line ends (a CR ending a chunk waits for the
 * next, which may start with its LF); `data:` lines joined with `\n`; one optional space
 * after the colon; `:` comments and unknown fields ignored; `id` with NUL ignored; an event
 * dispatched at a blank line only when it has data, and `event`/`id` then cleared. The
 * decoder in front (`TextDecoderStream`) has already removed a byte-order mark.
 *
 * Hand-written rather than eventsource-parser: this is all the kit needs of it, at a sixth
 * of its size, and it is in every widget's first load (its error reporting for malformed
 * fields, the bulk of that library, has no use here).
 */
export function createSseParser({ onMessage, onRetry }: SseParserHandlers): (chunk: string) => void {
  let pending = '';
  let data: string | undefined;
  let event: string | undefined;
  let id: string | undefined;

  const line = (text: string): void => {
    if (text === '') {
      if (data !== undefined) onMessage({ id, event, data });
      data = event = id = undefined;
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(text[colon + 1] === ' ' ? colon + 2 : colon + 1);
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
    else if (field === 'event') event = value || undefined;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };

  const lineEnd = /\r\n|\r|\n/g;
  return (chunk) => {
    const text = pending + chunk;
    let start = 0;
    lineEnd.lastIndex = 0;
    for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
      // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
      if (match.index === text.length - 1 && match[0] === '\r') break;
      line(text.slice(start, match.index));
      start = lineEnd.lastIndex;
    }
    pending = text.slice(start);
  };
}
