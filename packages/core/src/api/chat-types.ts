import type { UserSummary } from './types.js';

/**
 * Chat channels and messages in the widget API contract (DESIGN.md §3). Returning.AI's
 * public API lists channels and sends, replies to and reacts to messages, but reads them
 * with a bare `count` and no cursor (RETURNING-AI-NOTES.md §5.6–5.7), so paging and the
 * event stream are ours; names follow the vendor's where they mean the same thing.
 */

/** Channel types (the vendor's `channelType`); `iframe` channels host a partner app at `url`, not messages. */
export const CHANNEL_TYPES = ['text', 'forum', 'announcement', 'iframe'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Longest message text, in UTF-16 code units after trimming. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Most images one message may carry. */
export const MAX_MESSAGE_IMAGES = 4;

/** A reaction shortcode, as the vendor writes emoji: `:sparkling_heart:`. */
export const SHORTCODE_PATTERN = /^:[a-z0-9_+-]+:$/;

/** What the caller may do in a channel, computed per request from its token. */
export interface ChannelPermissions {
  read: boolean;
  /** Send messages: a member's token with `chat:write`, and never in `announcement` or `iframe` channels. */
  post: boolean;
  /** React: a member's token with `chat:write`, in any channel that has messages. */
  react: boolean;
}

/** A channel of a community. */
export interface Channel {
  id: string;
  /** Display name (the vendor's `topic`). */
  name: string;
  type: ChannelType;
  description: string;
  /** `members`: every read needs a widget token of this community with `chat:read` (401 without). */
  visibility: 'public' | 'members';
  /** The app an `iframe` channel shows; `null` for the other types. */
  url: string | null;
  /** What this caller may do; anonymous callers may at most read. */
  permissions: ChannelPermissions;
}

/** An image attached to a message. */
export interface ChatImage {
  url: string;
  /** Pixels; `null` when the upload's format did not reveal them. */
  width: number | null;
  height: number | null;
  alt: string;
}

/**
 * One emoji reaction on a message. `mine` is per caller: REST answers compute it for the
 * token's user, but events are broadcast to every reader, so in `message.*` events it is
 * always `false`. A client replaces the message from an event and keeps `mine` from its own
 * copy for shortcodes still present (its own react/unreact answers set it).
 */
export interface ChatReaction {
  shortcode: string;
  count: number;
  mine: boolean;
}

/** The message a reply answers, as the reply shows it. */
export interface ChatReplyTo {
  id: string;
  author: UserSummary;
  /** Start of the message's text (`''` once it was deleted). */
  excerpt: string;
}

/** A chat message. */
export interface ChatMessage {
  /** Sorts (as a string) in creation order within its channel; doubles as a paging cursor. */
  id: string;
  channelId: string;
  author: UserSummary;
  /** Plain text, never HTML: render it as text. `''` when deleted. */
  text: string;
  images: ChatImage[];
  replyTo: ChatReplyTo | null;
  /** In order of each shortcode's first use. */
  reactions: ChatReaction[];
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601 of the last edit; `null` when never edited. */
  editedAt: string | null;
  /** A tombstone: the message was deleted, its id stays in the history. */
  deleted: boolean;
  /**
   * The sender's `nonce` from the send, echoed to everyone (Discord's pattern), so the
   * sending client can match the server copy that reaches it by the stream before the send's
   * answer does, and never shows its message twice. `null` for messages sent without one.
   */
  nonce: string | null;
}

/** `meta` of a message history page. Messages are always oldest first within a page. */
export interface MessagePageMeta {
  /** Pass as `before` for the older page; `null` at the start of the channel. */
  prevCursor: string | null;
  /** Pass as `after` for the newer page; `null` at the newest message. */
  nextCursor: string | null;
  /** Position of the channel's event stream this page corresponds to: resume from it. */
  lastEventId: string;
}

/** Body of a send. `text` is trimmed; a message needs text or images. */
export interface SendMessageBody {
  text: string;
  /** Id of a message of the same channel this one answers. */
  replyTo?: string;
  /** Ids of uploads (`POST …/uploads`) of the same channel. */
  imageIds?: string[];
  /** A client-chosen id (at most {@link MAX_NONCE_LENGTH} characters) echoed as the message's `nonce`. */
  nonce?: string;
}

/** Longest `nonce` a send may carry. */
export const MAX_NONCE_LENGTH = 64;

/** Answer of an upload: pass `id` in `imageIds`. */
export interface ChatUpload {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
}

/** Uploads accepted, and their maximum size. */
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** Event names on a channel's stream; `data` is always the full {@link ChatMessage}, to replace, never merge. */
export const CHAT_EVENTS = {
  created: 'message.created',
  updated: 'message.updated',
  deleted: 'message.deleted',
} as const;
export type ChatEventType = (typeof CHAT_EVENTS)[keyof typeof CHAT_EVENTS];
