import type { NavigateRequest } from '@rai-kit/core/bridge';
import { frameError } from './frame-error.js';

/** A guest's navigation request, checked: an absolute http(s) URL and a known target. */
export interface Navigation {
  url: string;
  target: '_blank' | '_top';
}

/** Validates `rai.navigate` params; throws a coded `invalid_request` error for anything else. */
export function parseNavigation(params: unknown): Navigation {
  const { url, target = '_blank' } = (params ?? {}) as Partial<NavigateRequest>;
  if (target !== '_blank' && target !== '_top') throw frameError('invalid_request', 'target must be "_blank" or "_top"');
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw frameError('invalid_request', 'url must be an absolute URL');
  }
  // javascript:, data:, blob: and friends would run in or replace the host page.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw frameError('invalid_request', 'url must be http(s)');
  return { url: parsed.href, target };
}

/** Opens an accepted navigation: a new tab without an opener, or the top-level page. */
export function openNavigation({ url, target }: Navigation): void {
  if (target === '_top') window.open(url, '_top');
  else window.open(url, '_blank', 'noopener');
}
