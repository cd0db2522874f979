import { WidgetApiClient, paths, type EmbedConfig } from '@rai-kit/core/api';
import type { TokenSource } from '@rai-kit/core/auth';
import { FRAME_API_META, GUEST_NOTIFICATIONS, parseFrameRequest, type FrameContext, type FrameRequest, type FrameWidget } from '@rai-kit/core/bridge';
import { connectToHost, hostTokenSource, type HostSession } from '@rai-kit/core/guest';
import type { RaiWidget } from '../base/rai-widget.js';
import { FRAME_WIDGET_ATTRIBUTES } from './frame-widgets.js';

/** Each widget's define module, loaded only for the widget this frame hosts. */
const DEFINE: Record<FrameWidget, () => Promise<unknown>> = {
  leaderboard: () => import('../define/leaderboard.js'),
  'xp-tier': () => import('../define/xp-tier.js'),
  'chat-channel': () => import('../define/chat-channel.js'),
  store: () => import('../define/store.js'),
};

/**
 * What the frame shows when it cannot host its widget. In English only: the host's language
 * arrives over the bridge, and these appear exactly when there is no bridge (a wrong URL, a
 * page that is not allowed to frame the widget, the frame opened on its own).
 */
const FRAME_NOTICES = {
  badUrl: 'This widget address is incomplete: it needs ?community=…&widget=leaderboard|xp-tier|chat-channel|store.',
  standalone: 'This page shows a community widget inside another site. Open the page that embeds it.',
  noConfig: 'The widget could not load its community’s settings. Reload the page to try again.',
  refused: 'This site is not allowed to show this community’s widget.',
} as const;

/**
 * The widget API this document talks to: its `<meta name="rai-api-url">` (the CDN build's,
 * fixed at build time), else the server that served it (the frame sits at `{api-root}/frame`).
 * Never the URL's query: whoever frames the document chooses that.
 */
function frameApiUrl(doc: Document): string {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${FRAME_API_META}"]`)?.content;
  return new URL(meta || '.', doc.baseURI).href.replace(/\/+$/, '');
}

/**
 * Runs the widget frame document: reads which widget from the URL, the host origins it may
 * trust from the community's embed configuration (the API, not the URL), connects to the host,
 * and shows the widget with the host's theme, language and member token. Re-emits the widget's
 * notifications to the host and reports its height. Shows a notice instead when it cannot.
 */
export async function runFrameGuest(doc: Document = document): Promise<void> {
  const view = doc.defaultView!;
  const request = parseFrameRequest(view.location.search);
  if (!request) return notice(doc, FRAME_NOTICES.badUrl);
  if (view.parent === view) return notice(doc, FRAME_NOTICES.standalone);

  const apiUrl = frameApiUrl(doc);
  const defined = DEFINE[request.widget]();
  let hostOrigins: string[];
  try {
    ({ hostOrigins } = await new WidgetApiClient({ apiUrl }).get<EmbedConfig>(paths.embed(request.community)));
  } catch {
    return notice(doc, FRAME_NOTICES.noConfig);
  }
  if (hostOrigins.length === 0) return notice(doc, FRAME_NOTICES.refused);

  const session = connectToHost({ allowedOrigins: hostOrigins });
  let context: FrameContext;
  try {
    // `ready` rejects when the host does not connect in time (a page not on the list never will).
    await session.ready;
    [context] = await Promise.all([session.getContext(), defined]);
  } catch {
    session.close();
    return notice(doc, FRAME_NOTICES.refused);
  }
  const element = createWidget(doc, request, apiUrl);
  followHost(session, element, context);
  forwardNotifications(session, element);
  doc.body.replaceChildren(documentOutline(doc, request.title, element));
  // The document is only the widget: its height is the widget's, and the host sizes the frame to it.
  session.autoResize(doc.documentElement);
}

/**
 * The document around the widget: a page of its own to assistive technology, so it gets a
 * title and a (visually hidden) heading, both the frame's accessible name, and a main landmark.
 */
function documentOutline(doc: Document, title: string | undefined, element: RaiWidget): HTMLElement {
  const main = doc.createElement('main');
  if (title) {
    doc.title = title;
    const heading = doc.createElement('h1');
    heading.className = 'visually-hidden';
    heading.textContent = title;
    main.append(heading);
  }
  main.append(element);
  return main;
}

function createWidget(doc: Document, { community, widget, attributes }: FrameRequest, apiUrl: string): RaiWidget {
  const element = doc.createElement(`rai-${widget}`) as RaiWidget;
  for (const name of FRAME_WIDGET_ATTRIBUTES[widget]) {
    const value = attributes[name];
    if (value !== undefined) element.setAttribute(name, value);
  }
  element.communityId = community;
  element.apiUrl = apiUrl;
  return element;
}

/**
 * Applies the host's context (theme, language, member) now and on every change. A member gets
 * a token source that mirrors the host's pushes; another member gets a new one (so the widget
 * reloads as them), and signing out (a `null` token or no user) makes the widget public.
 */
function followHost(session: HostSession, element: RaiWidget, initial: FrameContext): void {
  const root = element.ownerDocument.documentElement;
  let member: { id: string; source: TokenSource } | null = null;
  const signIn = (userId: string) => {
    if (member?.id !== userId) member = { id: userId, source: hostTokenSource(session) };
    element.tokenSource = member.source;
  };
  const signOut = () => {
    member = null;
    element.tokenSource = undefined;
  };
  const apply = ({ theme, locale, dir, user }: FrameContext) => {
    element.theme = theme;
    root.lang = locale;
    root.dir = dir;
    if (user) signIn(user.id);
    else signOut();
  };
  apply(initial);
  session.onContextChange(apply);
  session.onTokenChange((grant) => {
    if (!grant) signOut();
  });
}

/** The widget's notifications (`rai-ready`, `rai-purchase`, …) go to the host as the kit protocol says. */
function forwardNotifications(session: HostSession, element: RaiWidget): void {
  for (const name of GUEST_NOTIFICATIONS) {
    element.addEventListener(`rai-${name}`, (event) => {
      // Only what survives JSON crosses: a detail may hold objects no other page could use.
      const detail: unknown = JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null));
      session.notify(name, detail);
    });
  }
}

function notice(doc: Document, text: string): void {
  const paragraph = doc.createElement('p');
  paragraph.setAttribute('role', 'alert');
  paragraph.textContent = text;
  doc.body.replaceChildren(paragraph);
}
