/** The token secret: `RAI_TOKEN_SECRET`, or a fixed dev value the demo says it is using. */
export function resolveSecret(): string {
  const secret = process.env.RAI_TOKEN_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production') {
    console.error('RAI_TOKEN_SECRET is required in production (32+ characters).');
    process.exit(1);
  }
  console.warn('RAI_TOKEN_SECRET is not set: using the public demo secret. Never do this in production.');
  return 'rai-kit-demo-secret-do-not-use-in-production';
}
