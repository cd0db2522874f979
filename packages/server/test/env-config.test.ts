import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readServerEnv, SANDBOX_DEV_SECRET } from '../src/env-config.js';

describe('readServerEnv', () => {
  it('uses defaults and the public dev secret outside production, and says so', () => {
    const config = readServerEnv({}, { port: 8080 });
    assert.deepEqual(config, {
      production: false,
      port: 8080,
      hostname: '127.0.0.1',
      seed: 1,
      tokenSecret: SANDBOX_DEV_SECRET,
      usingDevSecret: true,
    });
  });

  it('refuses to run in production without RAI_TOKEN_SECRET', () => {
    assert.throws(() => readServerEnv({ NODE_ENV: 'production' }, { port: 1 }), /RAI_TOKEN_SECRET is not set/);
    const config = readServerEnv({ NODE_ENV: 'production', RAI_TOKEN_SECRET: 'x'.repeat(40) }, { port: 1 });
    assert.equal(config.usingDevSecret, false);
  });

  it('names the variable that is invalid', () => {
    assert.throws(() => readServerEnv({ PORT: 'eighty' }, { port: 1 }), /PORT must be an integer/);
    assert.throws(() => readServerEnv({ PORT: '70000' }, { port: 1 }), /PORT/);
    assert.throws(() => readServerEnv({ RAI_SEED: '1.5' }, { port: 1 }), /RAI_SEED must be an integer/);
  });
});
