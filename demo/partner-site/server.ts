/**
 * The partner site's origin (PORT + 2): index.html as it is written, but with the kit's origin
 * where `%RAI_ORIGIN%` stands (PORT=0 picks the port at start, so the page cannot name it),
 * under the strict CSP a careful partner sets. No Vite, no bundler: nothing here is built.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { strictCsp } from '../strict-csp.js';

export function createPartnerSite(options: { kitOrigin: string }) {
  const { kitOrigin } = options;
  const app = new Hono();
  app.get('/', async (c) => {
    const page = await readFile(new URL('./index.html', import.meta.url), 'utf8');
    c.header('Content-Security-Policy', strictCsp(kitOrigin));
    return c.html(page.replaceAll('%RAI_ORIGIN%', kitOrigin));
  });
  app.get('/site.css', async (c) =>
    c.body(await readFile(new URL('./site.css', import.meta.url), 'utf8'), 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  return { fetch: app.fetch };
}
