/**
 * A partner app on the second origin (127.0.0.1) using only `@rai-kit/core/guest`, as an
 * iframe channel's app would. The test page (its host) drives it through `test.*` methods
 * the fixture adds to the SDK's connection; the app's own behaviour is all SDK calls.
 * Query: `allowed` (the host origin).
 */
import { WidgetApiClient, paths } from '../../packages/core/src/api/index.js';
import { ChannelApi } from '../../packages/core/src/chat/index.js';
import { BridgeError, connectToHost, hostTokenSource, type FrameContext, type TokenGrant } from '../../packages/core/src/guest/index.js';

const session = connectToHost({
  allowedOrigins: [new URLSearchParams(location.search).get('allowed') ?? ''],
  timeouts: { connectMs: 5_000, heartbeatMs: 500 },
});

const contexts: FrameContext[] = [];
const tokens: (TokenGrant | null)[] = [];
session.onContextChange((context) => contexts.push(context));
session.onTokenChange((grant) => tokens.push(grant));
const source = hostTokenSource(session);
const sourceEvents: string[] = [];
source.subscribe((event) => sourceEvents.push(event.type === 'token' ? event.token : `expired`));

const content = document.getElementById('content')!;
let stopResize: (() => void) | null = null;

/** What a failed call looked like, so the test can assert on the error a user would see. */
const outcome = async <T>(work: () => Promise<T>) => {
  try {
    return { ok: true as const, value: await work() };
  } catch (error) {
    const e = error as { name: string; code?: string; status?: number; message: string };
    return { ok: false as const, name: e.name, isBridgeError: error instanceof BridgeError, code: e.code, status: e.status, message: e.message };
  }
};

const testMethods: Record<string, (params: any) => unknown> = {
  'test.context': () => session.getContext(),
  'test.token': () => session.getToken(),
  'test.seen': () => ({ contexts, tokens, sourceEvents }),
  'test.sourceToken': () => source.getToken(),
  'test.post': ({ text }: { text: string }) => outcome(() => session.postMessage(text)),
  'test.navigate': ({ url, target }: { url: string; target?: '_blank' | '_top' }) => session.requestNavigation(url, target),
  'test.resize': ({ height }: { height: number }) => session.requestResize(height),
  'test.autoResize': () => {
    stopResize = session.autoResize();
    return true;
  },
  'test.stopResize': () => stopResize?.(),
  /** Sets the content height `heights.length` times in one task: the observer must report once. */
  'test.setHeights': ({ heights }: { heights: number[] }) => {
    for (const height of heights) {
      content.style.height = `${height}px`;
      content.getBoundingClientRect();
    }
    return true;
  },
  'test.notify': ({ name, detail }: { name: 'ready'; detail: unknown }) => session.notify(name, detail),
  /** The SDK's token in core's own client: post into the frame's channel, then try `GET me`. */
  'test.apiRoundTrip': async ({ text }: { text: string }) => {
    const context = await session.getContext();
    const client = new WidgetApiClient({ apiUrl: context.apiUrl, tokenSource: source });
    const channel = new ChannelApi(client, context.communityId, context.channelId!);
    return {
      sent: await outcome(() => channel.send({ text }, crypto.randomUUID())),
      me: await outcome(() => client.get(paths.me(context.communityId))),
    };
  },
};
for (const [name, handler] of Object.entries(testMethods)) session.connection.expose(name, handler);
