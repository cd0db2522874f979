import { BridgeError, compileOrigins, type OriginMatcher } from '@rai-kit/core/bridge';

/** The frame's configuration, checked before any iframe exists. */
export type FrameConfig =
  | { ok: true; origins: string[]; matcher: OriginMatcher }
  | { ok: false; problem: string };

/**
 * Checks `src`, `title` and `allowed-origins` (space-separated). There is no default origin
 * and `*` is refused: a token and the member's data go to whatever the frame holds.
 */
export function readFrameConfig(src: string, title: string, allowedOrigins: string): FrameConfig {
  const origins = allowedOrigins.split(/\s+/).filter(Boolean);
  if (origins.length === 0) return { ok: false, problem: 'allowed-origins is required: list the origins the guest may run on.' };
  if (!title.trim()) return { ok: false, problem: 'title is required: it names the embedded app for assistive technology.' };
  if (!src.trim()) return { ok: false, problem: 'src is required.' };
  try {
    return { ok: true, origins, matcher: compileOrigins(origins, { sensitive: true }) };
  } catch (error) {
    return { ok: false, problem: `allowed-origins: ${error instanceof BridgeError ? error.message : String(error)}` };
  }
}
