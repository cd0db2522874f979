import { BridgeError, FRAME_PATH, FRAME_WIDGETS, compileOrigins, frameUrl, isFrameWidget, type OriginMatcher } from '@rai-kit/core/bridge';

/** The frame's configuration, checked before any iframe exists. */
export type FrameConfig =
  | { ok: true; src: string; origins: string[]; matcher: OriginMatcher }
  | { ok: false; problem: string };

/** What `<rai-frame>` is configured with. */
export interface FrameInputs {
  src: string;
  title: string;
  /** Space-separated. */
  allowedOrigins: string;
  /** One of the kit's widgets to host in iframe mode, or '' for a guest app at `src`. */
  widget: string;
  /** The widget's forwarded attributes (widget mode). */
  widgetAttributes: Record<string, string>;
  communityId: string;
  /** The widget API's root: where the frame document is served by default (widget mode). */
  apiRoot: string;
}

/**
 * Checks the inputs. A guest app needs `src` and `allowed-origins`; there is no default origin
 * and `*` is refused: a token and the member's data go to whatever the frame holds. In widget
 * mode `src` is the frame document (default `{api-url}/frame`), the frame's URL carries the
 * widget and its public attributes, and the document's own origin is the one allowed unless
 * `allowed-origins` says otherwise.
 */
export function readFrameConfig(inputs: FrameInputs): FrameConfig {
  if (!inputs.title.trim()) return { ok: false, problem: 'title is required: it names the embedded app for assistive technology.' };
  let src = inputs.src.trim();
  let origins = inputs.allowedOrigins.split(/\s+/).filter(Boolean);
  if (inputs.widget) {
    if (!isFrameWidget(inputs.widget)) return { ok: false, problem: `widget must be one of ${FRAME_WIDGETS.join(', ')}; got "${inputs.widget}".` };
    if (!inputs.communityId) return { ok: false, problem: 'community-id is required with widget.' };
    try {
      src = frameUrl(new URL(src || `${inputs.apiRoot}${FRAME_PATH}`, location.href).href, {
        community: inputs.communityId,
        widget: inputs.widget,
        attributes: inputs.widgetAttributes,
        title: inputs.title,
      });
    } catch {
      return { ok: false, problem: `src is not a URL: "${src}".` };
    }
    if (origins.length === 0) origins = [new URL(src).origin];
  }
  if (origins.length === 0) return { ok: false, problem: 'allowed-origins is required: list the origins the guest may run on.' };
  if (!src) return { ok: false, problem: 'src is required.' };
  try {
    return { ok: true, src, origins, matcher: compileOrigins(origins, { sensitive: true }) };
  } catch (error) {
    return { ok: false, problem: `allowed-origins: ${error instanceof BridgeError ? error.message : String(error)}` };
  }
}
