import { z } from '@hono/zod-openapi';
import {
  CHANNEL_TYPES,
  CHAT_EVENTS,
  LEADERBOARD_PERIODS,
  ORDER_STATUSES,
  PRODUCT_TYPES,
  STANDINGS_EVENT,
  type AroundMe,
  type Channel,
  type ChatMessage,
  type ChatUpload,
  type MessagePageMeta,
  type Order,
  type Product,
  type PurchaseResult,
  type StoreCategory,
  type StoreConfig,
  type Community,
  type EmbedConfig,
  type ErrorCode,
  type Leaderboard,
  type LeaderboardEntry,
  type Me,
  type StandingsChange,
  type StandingsEventData,
  type StandingsMeta,
  type Tier,
  type UserSummary,
  type XpRule,
} from '@rai-kit/core/api';
import type { PollMeta, StreamEvent } from '@rai-kit/core/realtime';

/**
 * Zod schemas of the contract's resources: they validate requests, describe responses and
 * generate the OpenAPI document. `contract<T>()` ties each to its `@rai-kit/core` type, so
 * the schema and the type the client compiles against cannot drift apart.
 */
const contract =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

/** Error codes the server itself sends (the client adds its own). */
export const SERVER_ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'insufficient_balance',
  'out_of_stock',
  'rate_limited',
  'internal',
  'unavailable',
] as const satisfies readonly ErrorCode[];

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(SERVER_ERROR_CODES),
      message: z.string(),
      requestId: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      meta: z
        .record(z.string(), z.union([z.number(), z.string()]))
        .optional()
        .openapi({ description: 'Numbers that explain the error, per code: a refused purchase’s `balance`, `price`, `shortfall`, `remaining`.' }),
    }),
  })
  .openapi('Error');

export const communityIdParam = z
  .string()
  .min(1)
  .max(100)
  .openapi({ param: { name: 'communityId', in: 'path' }, example: 'demo' });

export const communitySchema = contract<Community>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      logoUrl: z.string(),
      theme: z.object({ primary: z.string(), accent: z.string() }),
      currency: z.object({ name: z.string(), symbol: z.string() }),
    })
    .openapi('Community'),
);

export const embedConfigSchema = contract<EmbedConfig>()(
  z.object({ hostOrigins: z.array(z.string()) }).openapi('EmbedConfig'),
);

export const tierSchema = contract<Tier>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      level: z.number().int(),
      minXp: z.number().int(),
      color: z.string(),
      perks: z.array(z.string()),
    })
    .openapi('Tier'),
);

export const xpRuleSchema = contract<XpRule>()(
  z
    .object({
      id: z.string(),
      action: z.string(),
      label: z.string(),
      xp: z.number().int(),
      cooldownSeconds: z.number().int(),
    })
    .openapi('XpRule'),
);

export const userSummarySchema = contract<UserSummary>()(
  z.object({ id: z.string(), displayName: z.string(), avatarUrl: z.string() }).openapi('UserSummary'),
);

export const meSchema = contract<Me>()(
  z
    .object({
      user: userSummarySchema,
      xp: z.number().int(),
      coins: z.number().int(),
      xpToday: z.number().int(),
      coinsToday: z.number().int(),
      tier: tierSchema,
      nextTier: tierSchema.nullable(),
      progress: z.object({ current: z.number(), required: z.number(), ratio: z.number().min(0).max(1) }),
    })
    .openapi('Me'),
);

export const streamEventSchema = contract<StreamEvent>()(
  z
    .object({ id: z.string(), event: z.string(), data: z.unknown() })
    .openapi('StreamEvent', { description: 'One event; `data` of `me` events is a MeEventData (`{ order }` for `order.changed`).' }),
);

export const pollMetaSchema = contract<PollMeta>()(z.object({ lastEventId: z.string().nullable(), reset: z.boolean() }));

export const leaderboardPeriodSchema = z.enum(LEADERBOARD_PERIODS).openapi('LeaderboardPeriod');

export const leaderboardSchema = contract<Leaderboard>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      description: z.string(),
      imageUrl: z.string().nullable(),
      rankingField: z.enum(['xp', 'coins']),
      scoreUnit: z.object({ name: z.string(), symbol: z.string() }),
      periods: z.array(leaderboardPeriodSchema),
      defaultPeriod: leaderboardPeriodSchema,
      topLimit: z.number().int().positive().nullable(),
      visibility: z.enum(['public', 'members']),
    })
    .openapi('Leaderboard'),
);

export const leaderboardEntrySchema = contract<LeaderboardEntry>()(
  z
    .object({
      rank: z.number().int().positive(),
      user: userSummarySchema,
      score: z.number().int(),
      previousRank: z.number().int().positive().nullable(),
      cursor: z.string(),
    })
    .openapi('LeaderboardEntry'),
);

export const standingsMetaSchema = contract<StandingsMeta>()(
  z
    .object({
      nextCursor: z.string().nullable(),
      prevCursor: z.string().nullable(),
      total: z.number().int(),
      lastEventId: z.string(),
    })
    .openapi('StandingsMeta'),
);

export const aroundMeSchema = contract<AroundMe>()(
  z.object({ me: leaderboardEntrySchema.nullable(), entries: z.array(leaderboardEntrySchema) }).openapi('AroundMe'),
);

export const standingsChangeSchema = contract<StandingsChange>()(
  z
    .object({
      user: userSummarySchema,
      score: z.number().int(),
      rank: z.number().int().positive().nullable(),
      cursor: z.string().nullable(),
      from: z.object({ score: z.number().int(), rank: z.number().int().positive().nullable() }),
    })
    .openapi('StandingsChange'),
);

export const standingsEventSchema = contract<StreamEvent<StandingsEventData>>()(
  z
    .object({
      id: z.string(),
      event: z.literal(STANDINGS_EVENT),
      data: z.object({ period: leaderboardPeriodSchema, changes: z.array(standingsChangeSchema) }),
    })
    .openapi('StandingsEvent', { description: 'A burst of score changes on one board and period, coalesced.' }),
);

export const channelSchema = contract<Channel>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      type: z.enum(CHANNEL_TYPES),
      description: z.string(),
      visibility: z.enum(['public', 'members']),
      url: z.string().nullable(),
      permissions: z.object({ read: z.boolean(), post: z.boolean(), react: z.boolean() }),
    })
    .openapi('Channel'),
);

export const chatMessageSchema = contract<ChatMessage>()(
  z
    .object({
      id: z.string(),
      channelId: z.string(),
      author: userSummarySchema,
      text: z.string(),
      images: z.array(z.object({ url: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable(), alt: z.string() })),
      replyTo: z.object({ id: z.string(), author: userSummarySchema, excerpt: z.string() }).nullable(),
      reactions: z.array(z.object({ shortcode: z.string(), count: z.number().int().positive(), mine: z.boolean() })),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
      deleted: z.boolean(),
      nonce: z.string().nullable(),
    })
    .openapi('ChatMessage', { description: 'Text is plain text, never HTML. Reactions’ `mine` is per caller, and false in events.' }),
);

export const messagePageMetaSchema = contract<MessagePageMeta>()(
  z.object({ prevCursor: z.string().nullable(), nextCursor: z.string().nullable(), lastEventId: z.string() }).openapi('MessagePageMeta'),
);

export const chatUploadSchema = contract<ChatUpload>()(
  z.object({ id: z.string(), url: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable() }).openapi('ChatUpload'),
);

export const chatEventSchema = contract<StreamEvent<ChatMessage>>()(
  z
    .object({ id: z.string(), event: z.enum([CHAT_EVENTS.created, CHAT_EVENTS.updated, CHAT_EVENTS.deleted]), data: chatMessageSchema })
    .openapi('ChatEvent', { description: 'A message created, changed or deleted: the whole message, to replace the copy held.' }),
);

const UNTRUSTED_HTML = 'HTML written by the community’s admins, returned as stored: untrusted, sanitise before rendering.';

export const storeConfigSchema = contract<StoreConfig>()(
  z
    .object({
      title: z.string(),
      description: z.string().openapi({ description: UNTRUSTED_HTML }),
      coverUrl: z.string().nullable(),
      currency: z.object({ name: z.string(), symbol: z.string() }),
      enabled: z.boolean().openapi({ description: '`false`: browsing works, purchases are refused (403).' }),
    })
    .openapi('StoreConfig'),
);

export const storeCategorySchema = contract<StoreCategory>()(
  z
    .object({ id: z.string(), name: z.string(), coverUrl: z.string().nullable(), showCover: z.boolean(), displayOrder: z.number().int() })
    .openapi('StoreCategory'),
);

export const productTypeSchema = z.enum(PRODUCT_TYPES).openapi('ProductType');

export const productSchema = contract<Product>()(
  z
    .object({
      id: z.string(),
      categoryId: z.string(),
      name: z.string(),
      description: z.string().openapi({ description: UNTRUSTED_HTML }),
      imageUrl: z.string().nullable(),
      type: productTypeSchema,
      price: z.number().int(),
      discount: z
        .object({ price: z.number().int(), startsAt: z.string().nullable(), endsAt: z.string().nullable() })
        .nullable()
        .openapi({ description: 'The discount while its window is open at the time of the answer, else null.' }),
      currentPrice: z.number().int().openapi({ description: 'What buying it costs now; send it as `expectedPrice`.' }),
      inStock: z.boolean(),
      remaining: z.number().int().nullable().openapi({ description: 'Units left when the store shows them; null when hidden or unlimited.' }),
      displayOrder: z.number().int(),
    })
    .openapi('Product'),
);

export const orderSchema = contract<Order>()(
  z
    .object({
      id: z.string(),
      product: z.object({ id: z.string(), name: z.string(), imageUrl: z.string().nullable(), type: productTypeSchema }),
      price: z.number().int(),
      status: z.enum(ORDER_STATUSES),
      history: z.array(z.object({ status: z.enum(ORDER_STATUSES), at: z.string(), note: z.string().nullable() })),
      redemption: z.object({ code: z.string().nullable(), instructions: z.string().nullable() }).nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .openapi('Order'),
);

export const purchaseResultSchema = contract<PurchaseResult>()(
  z.object({ order: orderSchema, balance: z.number().int() }).openapi('PurchaseResult'),
);

/** OpenAPI security for "a token is optional": no requirement, or the widget token. */
export const OPTIONAL_TOKEN: Record<string, string[]>[] = [{}, { widgetToken: [] }];

/** A required JSON request body validated by `schema`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** `{ data }` success envelope. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ data });

/** `{ data: [...], meta: { nextCursor } }` envelope of paged collections. */
export const pageEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: z.object({ nextCursor: z.string().nullable() }) });

/** JSON response entry for a route definition. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (`invalid_request`); `details` names the fields.',
  401: 'Missing, invalid or expired widget token (`unauthorized`).',
  403: 'Token for another community or without the needed scope, or an action the caller may not take (`forbidden`).',
  404: 'No such community, member, leaderboard, channel, message, product or order (`not_found`).',
  409: 'Idempotency-Key reused for a different request (`conflict`), or a purchase refused (`conflict`, `out_of_stock`, `insufficient_balance`; see `meta`).',
  413: 'Body too large (`invalid_request`).',
  415: 'Unsupported media type (`invalid_request`).',
  429: 'Rate limited (`rate_limited`); see `Retry-After`.',
};

/** Error response entries for a route definition, in the contract error shape. */
export function errorResponses<const S extends readonly (keyof typeof ERROR_DESCRIPTIONS & number)[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, jsonContent(errorBodySchema, ERROR_DESCRIPTIONS[s]!)])) as {
    [K in S[number]]: ReturnType<typeof jsonContent<typeof errorBodySchema>>;
  };
}
