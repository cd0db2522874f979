/**
 * Product search as a member expects it: case- and accent-insensitive, every word of the
 * query somewhere in the name or in the description's visible text (so `strong` finds no
 * product merely for using `<strong>`, and a script's code is not text).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Lower case without diacritics: "Café" and "cafe" match. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The visible text of an HTML fragment: elements whose content is not text dropped, tags removed, common entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|template|iframe|textarea|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a product's search matches against, computed once per product. */
export function searchText(name: string, descriptionHtml: string): string {
  return fold(`${name} ${htmlText(descriptionHtml)}`);
}

/** The query's words, folded; empty for a blank query (which matches everything). */
export function queryWords(q: string | undefined): string[] {
  return q ? fold(q).split(/\s+/).filter(Boolean) : [];
}

/** True when every word occurs in `text` (a {@link searchText}). */
export function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}
