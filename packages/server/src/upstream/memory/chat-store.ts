import type { ChatImage, ChatMessage, UserSummary } from '@rai-kit/core/api';
import { CHAT_EVENTS } from '@rai-kit/core/api';
import { messageId, messageSeq } from '../../message-ids.js';
import { pageOf } from '../../pagination.js';
import type { ChannelInfo, ChatChange, MessageDraft, MessageQuery, MessageSlice, Page, PageRequest, StoredUpload } from '../upstream.js';
import { channelFixturesOf, type ChannelFixture } from './chat-seed.js';

/** Characters of a replied-to message a reply shows. */
const EXCERPT_LENGTH = 140;

interface StoredMessage {
  seq: number;
  authorId: string;
  text: string;
  images: ChatImage[];
  replyTo: number | null;
  /** Shortcode → who reacted; insertion order is display order. */
  reactions: Map<string, Set<string>>;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  nonce: string | null;
}

interface ChannelState {
  fixture: ChannelFixture;
  /** Highest sequence number. */
  count: number;
  /** Messages sent or changed, by sequence number (sparse); the others are made from the seed on read. */
  messages: (StoredMessage | undefined)[];
  memberIds: readonly string[];
  builtAt: number;
}

/** Who a member id is, for author summaries. */
export type MemberLookup = (communityId: string, userId: string) => UserSummary | undefined;

/**
 * The sandbox's channels: histories made lazily per message from chat-seed.ts, sends, edits,
 * tombstones, reactions and uploads, with every change delivered to `onChange` listeners
 * synchronously, before the call that made it resolves.
 */
export class ChatStore {
  readonly #channels = new Map<string, Map<string, ChannelState>>();
  readonly #uploads = new Map<string, Map<string, StoredUpload>>();
  readonly #listeners = new Set<(change: ChatChange) => void>();
  readonly #member: MemberLookup;
  readonly #memberIds: (communityId: string) => readonly string[] | undefined;

  constructor({ member, memberIds }: { member: MemberLookup; memberIds: (communityId: string) => readonly string[] | undefined }) {
    this.#member = member;
    this.#memberIds = memberIds;
  }

  /** Channels of a known community (built on first access); `null` for an unknown one. */
  #community(communityId: string): Map<string, ChannelState> | null {
    let channels = this.#channels.get(communityId);
    if (channels) return channels;
    const memberIds = this.#memberIds(communityId);
    if (!memberIds) return null;
    const builtAt = Math.floor(Date.now() / 60_000) * 60_000;
    channels = new Map(
      channelFixturesOf(communityId).map((fixture) => [fixture.info.id, { fixture, count: fixture.count, messages: [], memberIds, builtAt }]),
    );
    this.#channels.set(communityId, channels);
    return channels;
  }

  #channel(communityId: string, channelId: string): ChannelState | null {
    return this.#community(communityId)?.get(channelId) ?? null;
  }

  /**
   * Message `seq` of `channel`: the kept one, else made from its seed. Seeded messages are
   * kept only once changed (see #forChange), so reading a long history holds nothing.
   */
  #at(channel: ChannelState, seq: number): StoredMessage | undefined {
    if (seq < 1 || seq > channel.count) return undefined;
    const kept = channel.messages[seq];
    if (kept || !channel.fixture.message) return kept;
    const seed = channel.fixture.message(seq, channel.memberIds, channel.builtAt);
    return {
      seq,
      authorId: seed.authorId,
      text: seed.text,
      images: [],
      replyTo: seed.replyTo,
      reactions: new Map(seed.reactions.map(([code, users]) => [code, new Set(users)])),
      createdAt: seed.createdAt,
      editedAt: null,
      deleted: false,
      nonce: null,
    };
  }

  #find(communityId: string, channelId: string, id: string): { channel: ChannelState; message: StoredMessage } | null {
    const channel = this.#channel(communityId, channelId);
    const seq = messageSeq(id);
    const message = channel && seq !== null ? this.#at(channel, seq) : undefined;
    return channel && message ? { channel, message } : null;
  }

  /** The message to change, kept from now on so the change sticks. */
  #forChange(communityId: string, channelId: string, id: string): { channel: ChannelState; message: StoredMessage } | null {
    const found = this.#find(communityId, channelId, id);
    if (found) found.channel.messages[found.message.seq] = found.message;
    return found;
  }

  listChannels(communityId: string, page: PageRequest, includeMembersOnly: boolean): Page<ChannelInfo> | null {
    const channels = this.#community(communityId);
    if (!channels) return null;
    const infos = [...channels.values()].map((c) => c.fixture.info).filter((info) => includeMembersOnly || info.visibility === 'public');
    return structuredClone(pageOf(infos, page));
  }

  getChannel(communityId: string, channelId: string): ChannelInfo | null {
    const channel = this.#channel(communityId, channelId);
    return channel ? structuredClone(channel.fixture.info) : null;
  }

  listMessages(communityId: string, channelId: string, { after, before, limit }: MessageQuery, viewerId: string | null): MessageSlice | null {
    const channel = this.#channel(communityId, channelId);
    if (!channel) return null;
    // Only ever the requested window is made: O(limit) however long the channel.
    const last = before !== undefined ? before - 1 : after !== undefined ? after + limit : channel.count;
    const end = Math.min(last, channel.count);
    const start = after !== undefined ? Math.max(after + 1, 1) : Math.max(end - limit + 1, 1);
    const messages: ChatMessage[] = [];
    for (let seq = start; seq <= end; seq++) messages.push(this.#view(communityId, channel, this.#at(channel, seq)!, viewerId));
    return { messages, hasPrev: start > 1, hasNext: end < channel.count };
  }

  getMessage(communityId: string, channelId: string, id: string, viewerId: string | null): ChatMessage | null {
    const found = this.#find(communityId, channelId, id);
    return found ? this.#view(communityId, found.channel, found.message, viewerId) : null;
  }

  send(communityId: string, channelId: string, draft: MessageDraft): ChatMessage | null {
    const channel = this.#channel(communityId, channelId);
    if (!channel) return null;
    const seq = ++channel.count;
    const message: StoredMessage = {
      seq,
      authorId: draft.authorId,
      text: draft.text,
      images: structuredClone(draft.images),
      replyTo: draft.replyTo === null ? null : messageSeq(draft.replyTo),
      reactions: new Map(),
      createdAt: Date.now(),
      editedAt: null,
      deleted: false,
      nonce: draft.nonce,
    };
    channel.messages[seq] = message;
    this.#emit(communityId, channel, message, CHAT_EVENTS.created);
    return this.#view(communityId, channel, message, draft.authorId);
  }

  setReaction(communityId: string, channelId: string, id: string, userId: string, shortcode: string, on: boolean): ChatMessage | null {
    const found = this.#forChange(communityId, channelId, id);
    if (!found) return null;
    const { channel, message } = found;
    const users = message.reactions.get(shortcode);
    // Idempotent: only a real change is published.
    if (on && !users?.has(userId)) {
      message.reactions.set(shortcode, (users ?? new Set()).add(userId));
      this.#emit(communityId, channel, message, CHAT_EVENTS.updated);
    } else if (!on && users?.delete(userId)) {
      if (users.size === 0) message.reactions.delete(shortcode);
      this.#emit(communityId, channel, message, CHAT_EVENTS.updated);
    }
    return this.#view(communityId, channel, message, userId);
  }

  change(communityId: string, channelId: string, id: string, change: { text: string } | { deleted: true }, viewerId: string): ChatMessage | null {
    const found = this.#forChange(communityId, channelId, id);
    if (!found) return null;
    const { channel, message } = found;
    if ('text' in change) {
      message.text = change.text;
      message.editedAt = Date.now();
      this.#emit(communityId, channel, message, CHAT_EVENTS.updated);
    } else if (!message.deleted) {
      Object.assign(message, { deleted: true, text: '', images: [], reactions: new Map() });
      this.#emit(communityId, channel, message, CHAT_EVENTS.deleted);
    }
    return this.#view(communityId, channel, message, viewerId);
  }

  saveUpload(communityId: string, upload: Omit<StoredUpload, 'id'>): StoredUpload | null {
    if (!this.#channel(communityId, upload.channelId)) return null;
    let uploads = this.#uploads.get(communityId);
    if (!uploads) this.#uploads.set(communityId, (uploads = new Map()));
    const stored = { ...upload, id: `img_${crypto.randomUUID().replaceAll('-', '')}` };
    uploads.set(stored.id, stored);
    return stored;
  }

  getUpload(communityId: string, uploadId: string): StoredUpload | null {
    return this.#uploads.get(communityId)?.get(uploadId) ?? null;
  }

  onChange(listener: (change: ChatChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(communityId: string, channel: ChannelState, message: StoredMessage, type: ChatChange['type']): void {
    const change = { communityId, channelId: channel.fixture.info.id, type, message: this.#view(communityId, channel, message, null) };
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // One broken subscriber must not stop the others or fail the change.
        console.error('[rai-kit] chat change listener failed:', error);
      }
    }
  }

  /** The contract shape of a stored message, as `viewerId` sees it. Always a fresh object. */
  #view(communityId: string, channel: ChannelState, message: StoredMessage, viewerId: string | null): ChatMessage {
    const target = message.replyTo === null ? undefined : this.#at(channel, message.replyTo);
    return {
      id: messageId(message.seq),
      channelId: channel.fixture.info.id,
      author: this.#author(communityId, message.authorId),
      text: message.text,
      images: structuredClone(message.images),
      replyTo: target
        ? { id: messageId(target.seq), author: this.#author(communityId, target.authorId), excerpt: target.text.slice(0, EXCERPT_LENGTH) }
        : null,
      reactions: [...message.reactions].map(([shortcode, users]) => ({
        shortcode,
        count: users.size,
        mine: viewerId !== null && users.has(viewerId),
      })),
      createdAt: new Date(message.createdAt).toISOString(),
      editedAt: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
      deleted: message.deleted,
      nonce: message.nonce,
    };
  }

  #author(communityId: string, userId: string): UserSummary {
    const member = this.#member(communityId, userId);
    // A member the sandbox no longer knows still shows as someone.
    if (!member) return { id: userId, displayName: 'Former member', avatarUrl: '' };
    return { id: member.id, displayName: member.displayName, avatarUrl: member.avatarUrl };
  }
}
