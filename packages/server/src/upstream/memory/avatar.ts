/**
 * A round badge with initials on a colour, as an SVG `data:` URL: sample avatars and logos
 * that need no network and no external host.
 */
export function initialsAvatar(label: string, background: string): string {
  const initials = label
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
    `<rect width="64" height="64" rx="32" fill="${escapeXml(background)}"/>` +
    '<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="system-ui,sans-serif" ' +
    `font-size="26" font-weight="600" fill="#fff">${escapeXml(initials)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
