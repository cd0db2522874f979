import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BridgeError } from '../src/bridge/errors.js';
import { compileOrigins, replyTarget } from '../src/bridge/origin.js';

const strict = { sensitive: true };
const open = { sensitive: false };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof BridgeError);
    return error.code;
  }
  return undefined;
}

describe('bridge origin allow-lists', () => {
  it('matches exact origins, normalising case and default ports', () => {
    const m = compileOrigins(['https://App.Example.com:443', 'http://localhost:8000/'], strict);
    assert.equal(m.allows('https://app.example.com'), true);
    assert.equal(m.allows('http://localhost:8000'), true);
    assert.equal(m.allows('http://localhost:8001'), false);
    assert.equal(m.allows('http://app.example.com'), false);
    assert.equal(m.allows('https://app.example.com.evil.com'), false);
    assert.equal(m.allows('https://evil.com'), false);
    assert.deepEqual(m.helloTargets, ['https://app.example.com', 'http://localhost:8000']);
  });

  it('matches subdomain patterns at any depth but never the bare domain or a look-alike', () => {
    const m = compileOrigins(['https://*.example.com'], strict);
    assert.equal(m.allows('https://a.example.com'), true);
    assert.equal(m.allows('https://a.b.example.com'), true);
    assert.equal(m.allows('https://example.com'), false);
    assert.equal(m.allows('https://evilexample.com'), false);
    assert.equal(m.allows('https://a.example.com.evil.com'), false);
    assert.equal(m.allows('http://a.example.com'), false);
    assert.equal(m.allows('https://a.example.com:8443'), false);
    assert.deepEqual(m.helloTargets, ['*']);
  });

  it('matches a port wildcard', () => {
    const m = compileOrigins(['http://localhost:*'], strict);
    assert.equal(m.allows('http://localhost:5173'), true);
    assert.equal(m.allows('http://localhost'), true);
    assert.equal(m.allows('https://localhost:5173'), false);
    assert.equal(m.allows('http://127.0.0.1:5173'), false);
  });

  it('refuses "*" when sensitive (the default for connections), allows it otherwise', () => {
    assert.equal(code(() => compileOrigins('*', strict)), 'refused_origin');
    assert.equal(code(() => compileOrigins(['https://a.com', '*'], strict)), 'refused_origin');
    const m = compileOrigins('*', open);
    assert.equal(m.allows('https://anything.example'), true);
    assert.equal(m.allows('null'), false, '"*" does not include opaque origins');
  });

  it('refuses opaque "null" origins unless listed', () => {
    assert.equal(compileOrigins(['https://a.com'], strict).allows('null'), false);
    const m = compileOrigins(['null'], strict);
    assert.equal(m.allows('null'), true);
    assert.equal(m.allows('https://a.com'), false);
    assert.deepEqual(m.helloTargets, ['*']);
    assert.equal(replyTarget('null'), '*');
    assert.equal(replyTarget('https://a.com'), 'https://a.com');
  });

  it('refuses empty lists and entries that are not origins', () => {
    for (const bad of [[], [''], ['example.com'], ['https://a.com/path'], ['https://*.'], ['https://a.*.com'], ['*.example.com'], ['https://a.com:99999x'], [42 as unknown as string]]) {
      assert.equal(code(() => compileOrigins(bad, strict)), 'invalid_config', JSON.stringify(bad));
    }
  });

  it('never matches junk origins', () => {
    const m = compileOrigins(['https://*.example.com', 'https://a.com'], strict);
    for (const junk of ['', ' https://a.com', 'https://a.com/', 'HTTPS://A.COM', 'javascript:alert(1)', 'x'.repeat(10_000), undefined, null, 7]) {
      assert.equal(m.allows(junk as string), false, String(junk));
    }
  });
});
