/** Letters and digits nobody misreads on a receipt: no 0/O, 1/I/L, 8/B, S. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXYZ2345679';

/** A fresh voucher code like `RAI-7KQ2-XW9P`, from the platform's CSPRNG (codes are worth coins). */
export function voucherCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  // 256 is not a multiple of 28: the tiny bias is irrelevant for a sandbox voucher.
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]!);
  return `RAI-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
