/**
 * Diagnostic: rewrites standings responses so every row shows the first row's avatar. The
 * sandbox's avatars are distinct `data:image/svg+xml` URLs, and each one is an SVG document
 * the browser parses and lays out on its own; with one URL the image is parsed once and
 * shared, which is how real (cached raster) avatars behave.
 */
export function shareOneAvatar(): void {
  const realFetch = globalThis.fetch.bind(globalThis);
  let shared: string | null = null;
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (!response.ok || !String(input).includes('/entries')) return response;
    const body = (await response.json()) as { data: Array<{ user: { avatarUrl: string } }> };
    for (const { user } of body.data) user.avatarUrl = shared ??= user.avatarUrl;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}
