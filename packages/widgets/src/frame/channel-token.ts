import { paths, type WidgetApiClient } from '@rai-kit/core/api';
import { SCOPES, type TokenGrant } from '@rai-kit/core/auth';

/** What an iframe channel's app may do with the member's token: read and post in its channel, nothing else. */
const APP_SCOPES = [SCOPES.chatRead, SCOPES.chatWrite];

/**
 * The member's token narrowed to one channel for the app in it: the server mints a token of
 * the same member that only that channel's chat routes accept and that never outlives the
 * member's (`POST tokens/scoped`), so the app cannot widen what it was given. One narrowing per
 * member token: pushes and pulls of the same token share it.
 */
export class ChannelToken {
  #last: { key: string; grant: Promise<TokenGrant> } | null = null;

  narrow(client: WidgetApiClient, communityId: string, channelId: string, member: TokenGrant): Promise<TokenGrant> {
    const key = `${communityId} ${channelId} ${member.token}`;
    if (this.#last?.key !== key) {
      const grant = client
        .request<TokenGrant>(paths.scopedToken(communityId), { method: 'POST', body: { channelId, scopes: APP_SCOPES } })
        .then((envelope) => envelope.data);
      // A failed narrowing is not remembered: the next pull tries again.
      grant.catch(() => this.#last?.grant === grant && (this.#last = null));
      this.#last = { key, grant };
    }
    return this.#last.grant;
  }
}
