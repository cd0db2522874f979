import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Channel, ChannelPermissions } from '@rai-kit/core/api';
import { SCOPES, type WidgetTokenClaims } from '@rai-kit/core/auth';
import type { AppEnv } from '../http/app-env.js';
import { ApiError } from '../http/api-error.js';
import { assertToken, claimsOf, hasToken } from '../http/token-auth.js';
import type { ChannelInfo, Upstream } from '../upstream/upstream.js';
import { notAMember } from './community-routes.js';
import { communityIdParam } from './schemas.js';

/** Path parameters shared by the chat routes. */
export const channelParams = z.object({
  communityId: communityIdParam,
  channelId: z.string().min(1).max(100).openapi({ param: { name: 'channelId', in: 'path' }, example: 'ch-general' }),
});
export const messageParams = channelParams.extend({
  messageId: z.string().min(1).max(100).openapi({ param: { name: 'messageId', in: 'path' }, example: 'm_00000001' }),
});

/** How reads of a channel are guarded, for route descriptions. */
export const CHANNEL_ACCESS =
  'Public channels need no token. Members-only channels need a widget token of this community with the ' +
  '`chat:read` scope: 401 without one, 403 for another community or without the scope.';

/** Topic of one channel's stream on the hub. */
export function chatTopic(communityId: string, channelId: string): string {
  return `chat:${encodeURIComponent(communityId)}:${encodeURIComponent(channelId)}`;
}

export function noSuchChannel(communityId: string, channelId: string): ApiError {
  return new ApiError(404, 'not_found', `No channel "${channelId}" in community "${communityId}".`);
}

export function noSuchMessage(channelId: string, messageId: string): ApiError {
  return new ApiError(404, 'not_found', `No message "${messageId}" in channel "${channelId}".`);
}

/**
 * Types whose channels take messages from members. Announcements are the team's. An iframe
 * channel takes messages only from its app: a token narrowed to that very channel (`chn`),
 * which `<rai-frame>` hands the app — the channel's log is what the app posted for members.
 */
const POSTABLE: readonly Channel['type'][] = ['text', 'forum'];

/** The channel a token is narrowed to (`chn`), if any. */
const appChannelOf = (c: Context<AppEnv>): string | null => (hasToken(c, SCOPES.chatWrite) ? (claimsOf(c).chn ?? null) : null);

/** Channel access decided once per request and shared by every chat route. */
export function chatAccess(upstream: Upstream) {
  /** The channel, if the caller may read it: 404 when unknown, 401/403 for a members-only one without `chat:read`. */
  const readableChannel = async (c: Context<AppEnv>, communityId: string, channelId: string): Promise<ChannelInfo> => {
    const channel = await upstream.getChannel(communityId, channelId);
    if (!channel) throw noSuchChannel(communityId, channelId);
    if (channel.visibility === 'members') assertToken(c, SCOPES.chatRead);
    return channel;
  };

  /** The `chat:write` token's subject when it belongs to a member; `null` otherwise. */
  const writer = async (c: Context<AppEnv>, communityId: string): Promise<string | null> => {
    if (!hasToken(c, SCOPES.chatWrite)) return null;
    const { sub } = claimsOf(c);
    return (await upstream.getMe(communityId, sub)) ? sub : null;
  };

  const permissionsOf = (channel: ChannelInfo, writerId: string | null, canReadMembers: boolean, appChannel: string | null): ChannelPermissions => {
    const read = channel.visibility === 'public' || canReadMembers;
    const postable = POSTABLE.includes(channel.type) || (channel.type === 'iframe' && appChannel === channel.id);
    return {
      read,
      post: read && writerId !== null && postable,
      react: read && writerId !== null && channel.type !== 'iframe',
    };
  };

  return {
    readableChannel,

    /** The channels with the caller's permissions on each. */
    withPermissions: async (c: Context<AppEnv>, communityId: string, channels: ChannelInfo[]): Promise<Channel[]> => {
      const writerId = await writer(c, communityId);
      const canReadMembers = hasToken(c, SCOPES.chatRead);
      const appChannel = appChannelOf(c);
      return channels.map((channel) => ({ ...channel, permissions: permissionsOf(channel, writerId, canReadMembers, appChannel) }));
    },

    /**
     * For write routes (after `requireToken(chat:write)`): the readable channel and the
     * caller's claims; 404 for a non-member, 403 when the channel does not allow `action`.
     */
    writableChannel: async (
      c: Context<AppEnv>,
      communityId: string,
      channelId: string,
      action: 'post' | 'react',
    ): Promise<{ channel: ChannelInfo; claims: WidgetTokenClaims }> => {
      const channel = await readableChannel(c, communityId, channelId);
      const claims = claimsOf(c);
      if (!(await writer(c, communityId))) throw notAMember(communityId, claims.sub);
      if (!permissionsOf(channel, claims.sub, true, appChannelOf(c))[action]) {
        const what = action === 'post' ? 'posting' : 'reactions';
        throw new ApiError(403, 'forbidden', `Channel "${channelId}" (${channel.type}) does not allow ${what}.`);
      }
      return { channel, claims };
    },

    /** Whose `mine` reactions a read shows: the token's user with `chat:read`, else nobody. */
    viewerOf: (c: Context<AppEnv>): string | null => (hasToken(c, SCOPES.chatRead) ? claimsOf(c).sub : null),
  };
}

export type ChatAccess = ReturnType<typeof chatAccess>;
