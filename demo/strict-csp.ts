/**
 * The Content-Security-Policy the partner site and the portal are served with: the strict
 * policy a careful partner sets, which the kit must work under. Scripts only from the page's
 * own origin and the kit's (no inline script, no eval), and Trusted Types enforced, so no
 * string reaches an HTML or script sink unvetted.
 */
export function strictCsp(kitOrigin: string): string {
  return [
    `script-src 'self' ${kitOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}
