import type { Channel, ChatMessage, MessagePageMeta, SendMessageBody } from '../api/chat-types.js';
import type { WidgetApiClient } from '../api/client.js';
import * as paths from '../api/paths.js';

/** One page of history as read: messages oldest first, and where it stands. */
export interface MessagePage {
  messages: ChatMessage[];
  meta: MessagePageMeta;
}

/** Which page to read: the newest, or the page `before` / `after` a message id. */
export interface PageQuery {
  before?: string;
  after?: string;
  limit?: number;
}

/**
 * The chat resources of one channel, as calls. A thin layer over {@link WidgetApiClient}
 * so the widget, the outbox and the benches build no URL by hand.
 */
export class ChannelApi {
  readonly client: WidgetApiClient;
  readonly communityId: string;
  readonly channelId: string;

  constructor(client: WidgetApiClient, communityId: string, channelId: string) {
    this.client = client;
    this.communityId = communityId;
    this.channelId = channelId;
  }

  channel(signal?: AbortSignal): Promise<Channel> {
    return this.client.get<Channel>(paths.channel(this.communityId, this.channelId), { signal });
  }

  async page(query: PageQuery, signal?: AbortSignal): Promise<MessagePage> {
    const { data, meta } = await this.client.request<ChatMessage[], MessagePageMeta>(
      paths.channelMessages(this.communityId, this.channelId),
      { query: { ...query }, signal },
    );
    return { messages: data, meta: meta! };
  }

  /**
   * One attempt to send (no retries of its own: the outbox owns retrying, always with the
   * same `idempotencyKey`, so the server creates the message at most once).
   */
  send(body: SendMessageBody, idempotencyKey: string, signal?: AbortSignal): Promise<ChatMessage> {
    return this.client
      .request<ChatMessage>(paths.channelMessages(this.communityId, this.channelId), {
        method: 'POST',
        body,
        idempotencyKey,
        signal,
        retries: 0,
      })
      .then((envelope) => envelope.data);
  }

  /** Adds (`on`) or removes the caller's reaction; answers the message as the caller sees it. */
  react(messageId: string, shortcode: string, on: boolean, signal?: AbortSignal): Promise<ChatMessage> {
    return this.client
      .request<ChatMessage>(paths.messageReaction(this.communityId, this.channelId, messageId, shortcode), {
        method: on ? 'PUT' : 'DELETE',
        signal,
      })
      .then((envelope) => envelope.data);
  }

  /** URL of the channel's event stream. */
  get eventsUrl(): string {
    return this.client.url(paths.channelEvents(this.communityId, this.channelId));
  }

  /** URL uploads are POSTed to (see `uploadImage`). */
  get uploadsUrl(): string {
    return this.client.url(paths.channelUploads(this.communityId, this.channelId));
  }

  /** Where an upload is served (no token needed), e.g. to show a message's images before it is sent. */
  uploadUrl(uploadId: string): string {
    return this.client.url(paths.channelUpload(this.communityId, this.channelId, uploadId));
  }
}
