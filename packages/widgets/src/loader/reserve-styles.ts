import { WIDGET_TAGS, widgetTags } from './widget-tags.js';

/**
 * Reserves each undefined widget's skeleton height and styles the loader's failure notice.
 * Adopted as a constructable stylesheet: CSP `style-src` governs <style> elements and
 * style attributes, not `CSSStyleSheet.replaceSync`, so this works on strict-CSP pages.
 */
export function reserveLayout(doc: Document): void {
  const rules: string[] = [];
  for (const tag of widgetTags) {
    const undefinedTag = `${tag}:not(:defined)`;
    const [[, base], ...steps] = WIDGET_TAGS[tag].heights;
    rules.push(`${undefinedTag}{display:block;position:relative;min-height:${base}}`);
    if (steps.length === 0) continue;
    // A width-dependent height: the element is its own query container, and its ::before, which
    // container queries can size from the element's width, holds the height instead.
    rules.push(`${undefinedTag}{min-height:0;container-type:inline-size}`, `${undefinedTag}::before{content:'';display:block;height:${base}}`);
    for (const [width, height] of steps) rules.push(`@container (min-width:${width}px){${undefinedTag}::before{height:${height}}}`);
  }
  rules.push(
    // The notice covers the reserved box, so a failure does not move the page either.
    '[data-rai-kit-notice]{position:absolute;inset:0;display:grid;gap:.5em;justify-items:center;align-content:center;' +
      'padding:1em;border:1px solid #d0d4dc;border-radius:.75em;font:inherit;text-align:center}',
    '[data-rai-kit-notice] p{margin:0}',
    '[data-rai-kit-notice] button{font:inherit;padding:.4em 1.2em;cursor:pointer}',
  );
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
