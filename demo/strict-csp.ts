/**
 * The Content-Security-Policy the partner site and the portal are served with: the strict
 * policy a careful partner sets, which the kit must work under. Scripts only from the page's
 * own origin and the kit's (no inline script, no eval), and Trusted Types enforced, so no
 * string reaches an HTML or script sink unvetted. Styles from the page's own files only (no
 * inline `<style>` or `style="…"`): the widgets style themselves through adopted stylesheets
 * and the CSSOM, which this does not restrict.
 */
export function strictCsp(kitOrigin: string): string {
  return [
    `script-src 'self' ${kitOrigin}`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}
