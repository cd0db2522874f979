/**
 * Message text → segments a renderer turns into text nodes and elements. Never HTML:
 * every segment is plain text, so user content cannot inject markup.
 *
 * Hand-written rather than linkify-it/linkifyjs (8–12 kB gzip): the widget's whole budget
 * is 15 kB, and only three patterns are needed.
 */
export type TextSegment =
  | { type: 'text'; text: string }
  /** `href` is absolute `http:` or `https:` (parsed by `URL`); anything else stays text. */
  | { type: 'link'; text: string; href: string }
  /** `@name` (letters, digits, `_`, `.`, `-`). */
  | { type: 'mention'; text: string; name: string }
  /** A known shortcode from EMOJI. Unknown shortcodes stay text. */
  | { type: 'emoji'; text: string; shortcode: string; emoji: string };

import { EMOJI } from './emoji.js';

/**
 * Bidirectional formatting controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI): removed,
 * so `\u202Egnp.exe` cannot pose as `exe.png`. The renderer isolates each message instead.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Splits `text` into segments; adjacent text is merged. Bidi controls are stripped here too
 * (idempotent), so a caller that forgets cannot let one through.
 *
 * One left-to-right pass; every scan ahead either consumes what it scanned or is bounded by
 * {@link MAX_SHORTCODE_LENGTH}, so any input costs linear time (no regex backtracking).
 */
export function segmentText(text: string): TextSegment[] {
  const input = stripBidiControls(text);
  const out = new SegmentList();
  let i = 0;
  while (i < input.length) {
    const next =
      (startsLink(input, i) && readLink(input, i, out)) ||
      (input[i] === '@' && readMention(input, i, out)) ||
      (input[i] === ':' && readEmoji(input, i, out));
    if (next) {
      i = next;
    } else {
      out.text(input[i]!);
      i += 1;
    }
  }
  return out.segments;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Longest shortcode looked for, colons included; EMOJI's longest is `:sparkling_heart:`. */
const MAX_SHORTCODE_LENGTH = 32;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', "'", '"']);
const WHITESPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NAME_CHAR = /[\p{L}\p{N}_.-]/u;
const SHORTCODE_CHAR = /[a-z0-9_+-]/;

/** Segments under construction: consecutive text is merged into one segment. */
class SegmentList {
  readonly segments: TextSegment[] = [];

  text(text: string): void {
    const last = this.segments[this.segments.length - 1];
    if (last?.type === 'text') last.text += text;
    else this.segments.push({ type: 'text', text });
  }

  push(segment: TextSegment): void {
    this.segments.push(segment);
  }
}

/** The character before `index`, whole when it is the second half of a surrogate pair. */
function charBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

/** `http://` or `https://` (any case) at `i`, not glued to a preceding word (`xhttp://`). */
function startsLink(text: string, i: number): boolean {
  if (text[i] !== 'h' && text[i] !== 'H') return false;
  const head = text.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && head !== 'https://') return false;
  return !WORD_CHAR.test(charBefore(text, i));
}

/**
 * The link at `i`: up to the next whitespace, minus trailing punctuation (a `)` stays when
 * the link opened one, as in Wikipedia's `Foo_(bar)`). A run `URL` rejects is emitted as
 * text whole, so it is never scanned twice. Returns the index after what was consumed.
 */
function readLink(text: string, start: number, out: SegmentList): number {
  let end = start;
  let opens = 0;
  let closes = 0;
  while (end < text.length && !WHITESPACE.test(text[end]!)) {
    if (text[end] === '(') opens += 1;
    else if (text[end] === ')') closes += 1;
    end += 1;
  }
  let linkEnd = end;
  while (linkEnd > start && TRAILING_PUNCTUATION.has(text[linkEnd - 1]!)) {
    if (text[linkEnd - 1] === ')') {
      if (opens >= closes) break;
      closes -= 1;
    }
    linkEnd -= 1;
  }
  const candidate = text.slice(start, linkEnd);
  const href = safeHref(candidate);
  if (href === null) {
    out.text(text.slice(start, end));
  } else {
    out.push({ type: 'link', text: candidate, href });
    if (linkEnd < end) out.text(text.slice(linkEnd, end));
  }
  return end;
}

/** The normalised href when `candidate` parses as an http(s) URL with a host, else `null`. */
function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url.href;
}

/** `@name` at `i` when it starts the text or follows a non-word character (so not inside an email). */
function readMention(text: string, start: number, out: SegmentList): number | null {
  const before = charBefore(text, start);
  if (WORD_CHAR.test(before) || before === '@' || before === '.' || before === '-') return null;
  let end = start + 1;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end += 1;
  // A sentence may end right after a mention: "thanks @ana." names `ana`.
  while (end > start + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
  if (end === start + 1) return null;
  out.push({ type: 'mention', text: text.slice(start, end), name: text.slice(start + 1, end) });
  return end;
}

/** A known `:shortcode:` at `i`; unknown ones stay text (the caller moves on by one character). */
function readEmoji(text: string, start: number, out: SegmentList): number | null {
  let end = start + 1;
  const limit = Math.min(text.length, start + MAX_SHORTCODE_LENGTH - 1);
  while (end < limit && SHORTCODE_CHAR.test(text[end]!)) end += 1;
  if (text[end] !== ':' || end === start + 1) return null;
  const shortcode = text.slice(start, end + 1);
  if (!Object.hasOwn(EMOJI, shortcode)) return null;
  out.push({ type: 'emoji', text: shortcode, shortcode, emoji: EMOJI[shortcode]! });
  return end + 1;
}
