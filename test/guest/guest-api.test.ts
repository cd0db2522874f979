/**
 * End to end with the real sandbox server: the host mints a member token, narrows it to one
 * channel through `POST tokens/scoped`, and hands it to the partner app (second origin), whose
 * core `ChannelApi` posts with it into that channel and is refused everywhere else.
 */
import { expect } from '@open-wc/testing';
import type { ChatMessage } from '../../packages/core/src/api/index.js';
import type { TokenGrant } from '../../packages/core/src/auth/index.js';
import { apiUrl, community, mintToken } from '../support/sandbox.js';
import { cleanup } from '../bridge/helpers.js';
import { baseContext, fakeHost } from './fake-host.js';

afterEach(cleanup);

async function narrowed(memberToken: string, channelId: string): Promise<TokenGrant> {
  const response = await fetch(`${apiUrl}/widget/v1/communities/${community}/tokens/scoped`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${memberToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channelId, scopes: ['chat:read', 'chat:write'] }),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
  return ((await response.json()) as { data: TokenGrant }).data;
}

describe('guest SDK with the real server', () => {
  it('the partner app posts into its channel with the narrowed token, and GET me is refused (403)', async () => {
    const grant = await narrowed(await mintToken('u_0002'), 'ch-general');
    const host = await fakeHost({ token: grant, context: { ...baseContext, apiUrl, communityId: community, channelId: 'ch-general' } });
    const text = `from the partner app ${crypto.randomUUID()}`;
    const result = await host.drive('apiRoundTrip', { text });

    expect(result.sent.ok, JSON.stringify(result.sent)).to.equal(true);
    const sent = result.sent.value as ChatMessage;
    expect(sent).to.include({ text });
    expect(sent.author.id).to.equal('u_0002');
    expect(result.me).to.include({ ok: false, code: 'forbidden', status: 403 });
    expect(result.me.message).to.match(/restricted to channel "ch-general"/);

    // Seen by everyone in the channel, not only by the app.
    const page = (await (await fetch(`${apiUrl}/widget/v1/communities/${community}/channels/ch-general/messages?limit=5`)).json()) as { data: ChatMessage[] };
    expect(page.data.map((m) => m.text)).to.include(text);
  });
});
