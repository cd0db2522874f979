import { expect } from '@open-wc/testing';
import { until } from '../../../../test/support/sandbox.js';
import { inertProblems } from '../../../../test/support/inert-html.js';
import { sanitizeHtml } from './sanitize.js';

/** Renders the sanitised fragment in a detached container, as the dialog renders it. */
async function render(dirty: string): Promise<HTMLElement> {
  const box = document.createElement('div');
  box.append(await sanitizeHtml(dirty));
  return box;
}

/** Hostile inputs and what must survive of each (text content, whitespace-collapsed). */
const HOSTILE: Array<{ name: string; html: string; text?: string }> = [
  { name: 'script element', html: '<p>Tea</p><script>window.pwned = 1</script>', text: 'Tea' },
  { name: 'img onerror (relative src)', html: '<img src=x onerror="window.pwned = 1">' },
  { name: 'img onerror (absolute src)', html: '<img src="https://img.example/a.png" onerror="window.pwned = 1">' },
  { name: 'javascript: link', html: '<a href="javascript:window.pwned=1">go</a>', text: 'go' },
  { name: 'obfuscated javascript: link', html: '<a href=" JaVa&#x09;ScRiPt:window.pwned=1">go</a>', text: 'go' },
  { name: 'data: link', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">go</a>', text: 'go' },
  { name: 'data: image', html: '<img src="data:image/svg+xml,<svg onload=alert(1)>">' },
  { name: 'relative link', html: '<a href="/admin">admin</a>', text: 'admin' },
  { name: 'iframe', html: '<iframe src="https://evil.example"></iframe><p>after</p>', text: 'after' },
  { name: 'style element and attribute', html: '<style>*{display:none}</style><p style="position:fixed" class="x" id="y">styled</p>', text: 'styled' },
  { name: 'form and inputs', html: '<form action="https://evil.example"><input name="password"><button>Send</button></form>', text: 'Send' },
  { name: 'svg script', html: '<svg><script>window.pwned=1</script><a xlink:href="javascript:1">x</a></svg>' },
  { name: 'mutation XSS through noscript', html: '<noscript><p title="</noscript><img src=x onerror=window.pwned=1>"></noscript>' },
  { name: 'object, embed, meta, base, link', html: '<object data="x"></object><embed src="x"><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'data and aria attributes', html: '<p data-x="1" aria-hidden="true" onclick="window.pwned=1">hi</p>', text: 'hi' },
  { name: 'link that opens on this page', html: '<a href="https://shop.example" target="_self" onmouseover="window.pwned=1">shop</a>', text: 'shop' },
  { name: 'headings beyond h3/h4', html: '<h1>Big</h1> <div><h4>Small</h4></div>', text: 'Big Small' },
];

describe('sanitizeHtml', () => {
  for (const { name, html, text } of HOSTILE) {
    it(`leaves nothing active of: ${name}`, async () => {
      const box = await render(html);
      expect(inertProblems(box)).to.deep.equal([]);
      if (text !== undefined) expect(box.textContent!.replace(/\s+/g, ' ').trim()).to.equal(text);
    });
  }

  it('never runs hostile markup once rendered in the page', async () => {
    const box = await render(HOSTILE.map((h) => h.html).join(''));
    document.body.append(box);
    // Handlers would fire on load or error of the images; give them the chance.
    await new Promise((r) => setTimeout(r, 200));
    box.remove();
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('keeps the formatting a description needs', async () => {
    const box = await render(
      '<h3>Title</h3><p><strong>Bold</strong> <em>it</em> <b>b</b> <i>i</i> <u>u</u><br></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quote</blockquote><h4>Sub</h4>',
    );
    const tags = [...box.querySelectorAll('*')].map((el) => el.localName);
    expect(tags).to.deep.equal(['h3', 'p', 'strong', 'em', 'b', 'i', 'u', 'br', 'ul', 'li', 'ol', 'li', 'blockquote', 'h4']);
  });

  it('opens http(s) and mailto links in a new tab without an opener', async () => {
    const box = await render('<a href="https://a.example/x?y=1">web</a> <a href="mailto:help@a.example">mail</a>');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://a.example/x?y=1', 'mailto:help@a.example']);
    for (const a of links) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
    }
  });

  it('loads images lazily, with their alt text', async () => {
    const box = await render('<img src="https://img.example/a.png" alt="A mug" width="9000">');
    const img = box.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.alt).to.equal('A mug');
    expect(img.hasAttribute('width')).to.equal(false);
  });

  it('works on a page that enforces Trusted Types', async () => {
    // A same-origin frame with the CSP a strict host sends: only DOMPurify's own policy may make HTML.
    const frame = document.createElement('iframe');
    const module = new URL('./sanitize.ts', import.meta.url).pathname;
    frame.srcdoc = `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types dompurify">
      <script type="module">
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        try {
          const { sanitizeHtml } = await import(${JSON.stringify(module)});
          document.body.append(await sanitizeHtml('<p>Hello <b>there</b><img src=x onerror=alert(1)></p>'));
          window.outcome = { html: document.body.lastElementChild.outerHTML, violations };
        } catch (error) {
          window.outcome = { error: String(error), violations };
        }
      </script>`;
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as (Window & { outcome?: { html?: string; error?: string; violations: string[] } }) | null;
      await until(() => win()?.outcome !== undefined, 'the framed sanitiser answered');
      expect(win()!.outcome).to.deep.equal({ html: '<p>Hello <b>there</b></p>', violations: [] });
    } finally {
      frame.remove();
    }
  });
});
