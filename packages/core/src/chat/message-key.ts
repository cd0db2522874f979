/**
 * A new message key (the `Idempotency-Key` of every attempt to send a message, and its
 * `nonce`): 128 random bits, a UUID where `crypto.randomUUID` exists (secure contexts only),
 * else 32 hex digits from `getRandomValues`, which a widget embedded in a plain-http page still
 * has. Its own module: a widget makes keys before it has loaded the outbox that sends them.
 */
export function newMessageKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
