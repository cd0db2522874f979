/**
 * What "sanitised" means for the store's descriptions, checked on rendered DOM: only the
 * formatting tags the kit allows, no event handlers or styling attributes, links and images
 * only to http(s) (links also mailto), links opening in a new tab without an opener.
 */
const ALLOWED = new Set(['P', 'BR', 'STRONG', 'EM', 'B', 'I', 'U', 'UL', 'OL', 'LI', 'A', 'IMG', 'H3', 'H4', 'BLOCKQUOTE']);
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'target', 'rel', 'loading', 'decoding', 'referrerpolicy']);

/** Every way `root`'s elements break the rules, empty when it is inert. */
export function inertProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!ALLOWED.has(el.tagName)) problems.push(`<${el.localName}> element`);
    for (const { name, value } of el.attributes) {
      if (!ATTRIBUTES.has(name)) problems.push(`${name} attribute on <${el.localName}>`);
      if ((name === 'href' || name === 'src') && !/^(https?:|mailto:)/i.test(value)) problems.push(`${name}="${value}"`);
    }
    if (el.localName === 'img' && el.getAttribute('src')?.startsWith('mailto:')) problems.push('mailto image');
    if (el.localName === 'a' && el.hasAttribute('href') && (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer')) {
      problems.push(`link without target/rel: ${el.getAttribute('href')}`);
    }
  }
  return problems;
}
