/**
 * Browser side of the test backend: where the sandbox API is, and the sandbox admin hooks
 * (awards, posts as any member, fault injection, stream disconnects) the tests drive it with.
 */
import type { ChatMessage, Me, Order, Product, ProductQuery } from '@rai-kit/core/api';

interface TestEnv {
  apiUrl: string;
  community: string;
}

export const env: TestEnv = await (await fetch('/__rai/env.json')).json();
export const { apiUrl, community } = env;

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}/sandbox/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The host backend's auth-url for `user` (see support/backend.ts). */
export function authUrl(options: { user?: string; ttl?: number; session?: string } = {}): string {
  const params = new URLSearchParams({
    user: options.user ?? 'u_0001',
    ttl: String(options.ttl ?? 300),
    session: options.session ?? crypto.randomUUID(),
  });
  return `/host/token?${params}`;
}

/** Tokens the host backend issued for `session`. */
export async function tokensIssued(session: string): Promise<number> {
  return ((await (await fetch(`/host/stats?session=${session}`)).json()) as { issued: number }).issued;
}

/** Mints a token through the host backend, as a portal's page script would get one. */
export async function mintToken(user: string, ttl = 300): Promise<string> {
  const response = await fetch(authUrl({ user, ttl }), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

/** Awards XP and/or coins to a member (the sandbox admin hook). */
export async function award(userId: string, grant: { xp?: number; coins?: number; reason?: string }): Promise<Me> {
  return (await admin<{ data: Me }>('POST', `/communities/${community}/users/${userId}/awards`, grant)).data;
}

/** A sandbox fault: see packages/server/src/faults.ts. */
export interface FaultSpec {
  path: string;
  status: number;
  times?: number;
  probability?: number;
  seed?: number;
  phase?: 'request' | 'response';
  retryAfter?: number;
  method?: string;
}

/**
 * Requests to `path` (a prefix) answer `status`: the next `times`, or each with `probability`.
 * `phase: 'response'` lets the request take effect and loses its answer.
 */
export async function injectFault(fault: FaultSpec) {
  await admin('POST', '/faults', fault);
}

export async function clearFaults(): Promise<void> {
  await admin('DELETE', '/faults');
}

/** Posts `text` in `channelId` as member `authorId` (no token, no send rate limit), as another person chatting would. */
export async function postAs(authorId: string, channelId: string, text: string, replyTo?: string): Promise<ChatMessage> {
  const body = { authorId, text, ...(replyTo === undefined ? {} : { replyTo }) };
  return (await admin<{ data: ChatMessage }>('POST', `/communities/${community}/channels/${channelId}/messages`, body)).data;
}

/** Drops every open event stream, as a network blip would. */
export async function disconnectStreams(): Promise<number> {
  return (await admin<{ data: { closed: number } }>('POST', '/streams/disconnect')).data.closed;
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function until(check: () => boolean | Promise<boolean>, message: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A product as the sandbox admin sees it: with its stock even when the store hides it. */
export type ProductWithStock = Product & { stock: number | null; showRemaining: boolean };

/**
 * Changes a product of the test community: `stock` (`null` = unlimited), whether the store
 * shows it, its regular `price`, or `discount: null` to end its discount now.
 */
export async function setProduct(
  productId: string,
  change: { stock?: number | null; showRemaining?: boolean; price?: number; discount?: null },
): Promise<ProductWithStock> {
  return (await admin<{ data: ProductWithStock }>('PATCH', `/communities/${community}/store/products/${productId}`, change)).data;
}

/** The first page of the test community's products matching `query` (public list, e.g. `{ q: 'Suspicious' }`). */
export async function findProducts(query: Omit<ProductQuery, 'cursor'> = {}): Promise<Product[]> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${apiUrl}/widget/v1/communities/${community}/store/products?${params}`);
  if (!response.ok) throw new Error(`products ${params}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: Product[] }).data;
}

/** Fulfils or cancels (refunding) a pending order, as the team would; published on the buyer's `me` stream. */
export async function setOrderStatus(
  orderId: string,
  change: { status: 'fulfilled' | 'cancelled'; note?: string; code?: string; instructions?: string },
): Promise<Order> {
  return (await admin<{ data: Order }>('POST', `/communities/${community}/orders/${orderId}/status`, change)).data;
}
