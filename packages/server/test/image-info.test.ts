import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageInfo } from '../src/image-info.js';

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());

test('identifies PNG, GIF, JPEG and WebP by signature and reads their size', () => {
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], ascii('IHDR'), [0, 0, 1, 0, 0, 0, 0, 200]);
  assert.deepEqual(imageInfo(png), { type: 'image/png', width: 256, height: 200 });
  assert.deepEqual(imageInfo(bytes(ascii('GIF87a'), [10, 0, 20, 0])), { type: 'image/gif', width: 10, height: 20 });
  // An APP0 segment to skip, then SOF0 with height 32, width 64.
  const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 32, 0, 64], Array(8).fill(0));
  assert.deepEqual(imageInfo(jpeg), { type: 'image/jpeg', width: 64, height: 32 });
  const riff = (chunk: string, body: number[]) => bytes(ascii('RIFF'), [0, 0, 0, 0], ascii('WEBP'), ascii(chunk), [0, 0, 0, 0], body);
  assert.deepEqual(imageInfo(riff('VP8X', [0, 0, 0, 0, ...le24(639), ...le24(479)])), { type: 'image/webp', width: 640, height: 480 });
  assert.deepEqual(imageInfo(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 100, 0, 50, 0])), { type: 'image/webp', width: 100, height: 50 });
  const vp8l = (99 | (49 << 14)) >>> 0;
  assert.deepEqual(imageInfo(riff('VP8L', [0x2f, vp8l & 0xff, (vp8l >> 8) & 0xff, (vp8l >> 16) & 0xff, vp8l >>> 24, 0, 0, 0, 0, 0])), {
    type: 'image/webp',
    width: 100,
    height: 50,
  });
});

test('anything else, or a truncated header, is not an image', () => {
  assert.equal(imageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(imageInfo(bytes([0x89, 0x50, 0x4e, 0x47])), null);
  assert.equal(imageInfo(new Uint8Array(0)), null);
  // A JPEG whose frame header is missing still is a JPEG, of unknown size.
  assert.deepEqual(imageInfo(bytes([0xff, 0xd8, 0xff])), { type: 'image/jpeg', width: null, height: null });
});
