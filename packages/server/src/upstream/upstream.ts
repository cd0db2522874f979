import type {
  Channel,
  ChatEventType,
  ChatImage,
  ChatMessage,
  Community,
  Leaderboard,
  LeaderboardEntry,
  LeaderboardPeriod,
  Me,
  MeEventData,
  MeEventType,
  Order,
  Product,
  ProductQuery,
  PurchaseBody,
  PurchaseResult,
  StandingsChange,
  StoreCategory,
  StoreConfig,
  Tier,
  UserSummary,
  XpRule,
} from '@rai-kit/core/api';

/** A page request: `cursor` is whatever the previous page's `nextCursor` was. */
export interface PageRequest {
  cursor?: string;
  /** 1..100. */
  limit: number;
}

/** One page of a collection; `nextCursor: null` means the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the sandbox may change on a member (sandbox admin API only). */
export interface Award {
  xp?: number;
  coins?: number;
  /** Why, e.g. `admin_award`; travels in the resulting `me` events. */
  reason: string;
}

/** A change to one member's standing, published on their `me` stream. */
export interface MeChange {
  communityId: string;
  userId: string;
  type: MeEventType;
  data: MeEventData;
}

/** A position in a board's order (score descending, then user id ascending); it need not be anyone's current one. */
export interface StandingKey {
  score: number;
  userId: string;
}

/** A ranked entry as an upstream knows it; the API adds the opaque `cursor`. */
export type RankedEntry = Omit<LeaderboardEntry, 'cursor'>;

/** One member's change in a standings batch; the API adds the `cursor` of the new position. */
export type RankedChange = Omit<StandingsChange, 'cursor'>;

/** Which part of a board to read: after `after`, before `before` (exclusive), or from the top. */
export interface StandingsQuery {
  after?: StandingKey;
  before?: StandingKey;
  /** 1..100. */
  limit: number;
}

/** Contiguous entries of a board in rank order, and whether rows exist beyond either end. */
export interface RankedSlice {
  entries: RankedEntry[];
  hasPrev: boolean;
  hasNext: boolean;
  /** Members ranked in the period (after `topLimit`). */
  total: number;
}

/** "Around me": the member's entry (`null` when unranked) with its neighbours as the slice. */
export interface RankedAround extends RankedSlice {
  me: RankedEntry | null;
}

/**
 * The score changes of one board and period since the previous batch, coalesced: each
 * changed member once, with the score and rank the previous batch (or snapshot) showed.
 */
export interface StandingsBatch {
  communityId: string;
  leaderboardId: string;
  period: LeaderboardPeriod;
  changes: RankedChange[];
}

/** A channel as an upstream knows it; the API adds the caller's `permissions`. */
export type ChannelInfo = Omit<Channel, 'permissions'>;

/**
 * Which part of a channel's history to read, by message sequence number (see
 * message-ids.ts): after `after` or before `before` (exclusive), else the newest messages.
 */
export interface MessageQuery {
  after?: number;
  before?: number;
  /** 1..100. */
  limit: number;
}

/** Contiguous messages, oldest first, and whether messages exist beyond either end. */
export interface MessageSlice {
  messages: ChatMessage[];
  hasPrev: boolean;
  hasNext: boolean;
}

/** A message to create; the API has checked that `replyTo` and the images exist. */
export interface MessageDraft {
  authorId: string;
  text: string;
  replyTo: string | null;
  images: ChatImage[];
  nonce: string | null;
}

/** A change to a message, published on its channel's stream. `message` is as everyone sees it (`mine: false`). */
export interface ChatChange {
  communityId: string;
  channelId: string;
  type: ChatEventType;
  message: ChatMessage;
}

/** An uploaded image as stored. */
export interface StoredUpload {
  id: string;
  channelId: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  width: number | null;
  height: number | null;
}

/** A product query as an upstream runs it: the filters, and a limit of 1..100. */
export type ProductSearch = Omit<ProductQuery, 'limit'> & { limit: number };

/** Why a purchase was refused; the API turns each into its contract error (and `meta`). */
export type PurchaseRefusal =
  | { reason: 'store_closed' }
  | { reason: 'no_product' }
  | { reason: 'price_changed'; price: number }
  | { reason: 'out_of_stock' }
  | { reason: 'insufficient_balance'; balance: number; price: number; shortfall: number };

/** A purchase's outcome: the order and the balance after it, or a refusal that changed nothing. */
export type PurchaseOutcome = { ok: true; result: PurchaseResult } | { ok: false; refusal: PurchaseRefusal };

/** A new order or an order's status change, published on the buyer's `me` stream as `order.changed`. */
export interface OrderChange {
  communityId: string;
  userId: string;
  order: Order;
}

/** What the sandbox may do to a pending order (sandbox admin API only). */
export interface OrderStatusUpdate {
  status: 'fulfilled' | 'cancelled';
  /** History note; a default per status otherwise. */
  note?: string;
  /** Fulfilment: the voucher code (vouchers get a generated one otherwise). */
  code?: string;
  instructions?: string;
}

/** What the sandbox may change on a product (sandbox admin API only). */
export interface ProductUpdate {
  /** Units left; `null` = unlimited. */
  stock?: number | null;
  showRemaining?: boolean;
  /** Regular price. */
  price?: number;
  /** `null` ends the product's discount now (a price change under a member's feet). */
  discount?: null;
}

/** A product as the sandbox admin sees it: with its stock even when the store hides it. */
export interface ProductStock {
  product: Product;
  stock: number | null;
  showRemaining: boolean;
}

/**
 * The data source behind the widget API: the in-memory sandbox now, Returning.AI's REST API
 * later. Methods resolve `null` when the community (or user) does not exist, so the API can
 * answer 404 without knowing how each upstream reports it. Paged methods may throw
 * `InvalidCursorError` for a cursor they did not issue.
 */
export interface Upstream {
  getCommunity(communityId: string): Promise<Community | null>;
  /** Origins allowed to call this community's API from a browser (exact `scheme://host[:port]`). */
  allowedOrigins(communityId: string): Promise<readonly string[]>;
  listTiers(communityId: string, page: PageRequest): Promise<Page<Tier> | null>;
  listXpRules(communityId: string, page: PageRequest): Promise<Page<XpRule> | null>;
  getMe(communityId: string, userId: string): Promise<Me | null>;
  /** Members, for demo and test login pickers. */
  listUsers(communityId: string, page: PageRequest): Promise<Page<UserSummary> | null>;
  /** Sandbox only: change a member's XP/coins; resolves the new standing. */
  award?(communityId: string, userId: string, award: Award): Promise<Me | null>;
  /** Subscribes to standing changes; returns the unsubscribe function. */
  onMeChange(listener: (change: MeChange) => void): () => void;
  /** Leaderboards in display order; members-only ones only with `includeMembersOnly`. */
  listLeaderboards(communityId: string, page: PageRequest, options: { includeMembersOnly: boolean }): Promise<Page<Leaderboard> | null>;
  getLeaderboard(communityId: string, leaderboardId: string): Promise<Leaderboard | null>;
  /**
   * A page of a board's standings in `period` (one of the board's `periods`). Reads and
   * {@link onStandingsChange} batches must agree: a read reflects exactly the batches
   * delivered before it, so a snapshot plus the events after it adds up.
   */
  listStandings(communityId: string, leaderboardId: string, period: LeaderboardPeriod, query: StandingsQuery): Promise<RankedSlice | null>;
  /** Up to `radius` entries each side of `userId`'s; `me: null` when they are not ranked in `period`. */
  standingsAround(
    communityId: string,
    leaderboardId: string,
    period: LeaderboardPeriod,
    userId: string,
    radius: number,
  ): Promise<RankedAround | null>;
  /** Subscribes to standings batches; returns the unsubscribe function. */
  onStandingsChange(listener: (batch: StandingsBatch) => void): () => void;
  /** Channels in display order; members-only ones only with `includeMembersOnly`. */
  listChannels(communityId: string, page: PageRequest, options: { includeMembersOnly: boolean }): Promise<Page<ChannelInfo> | null>;
  getChannel(communityId: string, channelId: string): Promise<ChannelInfo | null>;
  /**
   * A page of history; `mine` on reactions is computed for `viewerId` (`null`: anonymous).
   * Like standings, reads and {@link onChatChange} must agree: a read reflects exactly the
   * changes delivered before it.
   */
  listMessages(communityId: string, channelId: string, query: MessageQuery, viewerId: string | null): Promise<MessageSlice | null>;
  getMessage(communityId: string, channelId: string, messageId: string, viewerId: string | null): Promise<ChatMessage | null>;
  /** Appends a message; `null` when the channel does not exist. */
  sendMessage(communityId: string, channelId: string, draft: MessageDraft): Promise<ChatMessage | null>;
  /** Sets `userId`'s reaction `shortcode` on or off (idempotent); the message as `userId` sees it. */
  setReaction(communityId: string, channelId: string, messageId: string, userId: string, shortcode: string, on: boolean): Promise<ChatMessage | null>;
  /** Replaces the text (edit) or leaves a tombstone (`deleted`); authorship is the API's check. */
  changeMessage(
    communityId: string,
    channelId: string,
    messageId: string,
    change: { text: string } | { deleted: true },
    viewerId: string,
  ): Promise<ChatMessage | null>;
  /** Keeps an image for later sends; `null` when the channel does not exist. */
  saveUpload(communityId: string, upload: Omit<StoredUpload, 'id'>): Promise<StoredUpload | null>;
  getUpload(communityId: string, uploadId: string): Promise<StoredUpload | null>;
  /** Subscribes to message changes; returns the unsubscribe function. */
  onChatChange(listener: (change: ChatChange) => void): () => void;
  /** The store's configuration (a community without a store answers a closed one). */
  getStore(communityId: string): Promise<StoreConfig | null>;
  /** Categories by `displayOrder`, archived ones left out. */
  listStoreCategories(communityId: string, page: PageRequest): Promise<Page<StoreCategory> | null>;
  /** Products matching `query` by `displayOrder`, then id; prices as of now. */
  listProducts(communityId: string, query: ProductSearch): Promise<Page<Product> | null>;
  getProduct(communityId: string, productId: string): Promise<Product | null>;
  /**
   * Buys for `userId`: checks the store, product, price, stock and balance and, only if all
   * pass, debits the coins, takes one unit and creates the order, as one step that no other
   * purchase can interleave with (never oversold, never overdrawn). Publishes `coins.changed`
   * through {@link onMeChange} and the new order through {@link onOrderChange}. `null` when
   * the community or member does not exist.
   */
  purchase(communityId: string, userId: string, body: PurchaseBody): Promise<PurchaseOutcome | null>;
  /** The member's orders, newest first. */
  listOrders(communityId: string, userId: string, page: PageRequest): Promise<Page<Order> | null>;
  /** One of the member's orders; `null` for an unknown one or someone else's. */
  getOrder(communityId: string, userId: string, orderId: string): Promise<Order | null>;
  /** Subscribes to order changes; returns the unsubscribe function. */
  onOrderChange(listener: (change: OrderChange) => void): () => void;
  /**
   * Sandbox only: fulfils or cancels (refunding the coins and restocking) a pending order.
   * `changed: false` when it was no longer pending; `null` for an unknown order.
   */
  setOrderStatus?(communityId: string, orderId: string, update: OrderStatusUpdate): Promise<{ order: Order; changed: boolean } | null>;
  /** Sandbox only: changes a product's stock or price; `null` for an unknown product. */
  updateProduct?(communityId: string, productId: string, update: ProductUpdate): Promise<ProductStock | null>;
}
