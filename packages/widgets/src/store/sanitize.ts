import type { DOMPurify } from 'dompurify';

/**
 * Sanitising of the store's admin-written HTML (product and store descriptions), with
 * DOMPurify. Loaded on first use: the sanitiser is needed only once someone opens a product,
 * so it stays out of the initial bundle.
 *
 * The result is a `DocumentFragment`, rendered as a node: no HTML string is ever assigned
 * to the page, so it works under Trusted Types (DOMPurify parses through its own
 * `dompurify` policy, which such a page must allow).
 */

/** Formatting, lists, links and images: what a product description needs, nothing that runs or restyles. */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 'ul', 'ol', 'li', 'a', 'img', 'h3', 'h4', 'blockquote'];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title'];
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * True when `value` is an absolute URL with one of `protocols`. The URL parser strips the
 * tabs and newlines that hide `java\tscript:`; relative URLs are refused, since they would
 * resolve against whichever page embeds the widget.
 */
function hasProtocol(value: string | null, protocols: ReadonlySet<string>): boolean {
  if (value === null) return false;
  try {
    return protocols.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Links open in a new tab without a handle on this page; images load lazily, never as data URIs. */
function finishElement(node: Element): void {
  if (node.localName === 'a') {
    if (hasProtocol(node.getAttribute('href'), LINK_PROTOCOLS)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  } else if (node.localName === 'img') {
    if (!hasProtocol(node.getAttribute('src'), IMAGE_PROTOCOLS)) {
      node.remove();
      return;
    }
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
}

let purifier: Promise<DOMPurify> | undefined;

/** This kit's own DOMPurify instance, so its hook never touches a copy the host page uses. */
function loadPurifier(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then(
    ({ default: shared }) => {
      const instance = shared(window);
      instance.addHook('afterSanitizeAttributes', finishElement);
      return instance;
    },
    (error: unknown) => {
      // A chunk that failed to load (offline) is tried again next time.
      purifier = undefined;
      throw error;
    },
  );
  return purifier;
}

/** Sanitises `dirty` HTML into a fragment safe to render as a node. */
export async function sanitizeHtml(dirty: string): Promise<DocumentFragment> {
  const purify = await loadPurifier();
  return purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
