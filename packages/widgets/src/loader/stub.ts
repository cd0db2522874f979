/**
 * `rai-kit-stub.js`: the command-queue stub, for pages whose CSP forbids the inline snippet.
 * Load it (classic script, before anything calls the kit) and then rai-kit.js; calls made in
 * between are queued in `raiKit.q` and replayed by the loader. Same code as the README's snippet.
 */
import type { RaiKitStub } from './api.js';

const w = window as Window & { raiKit?: RaiKitStub };
w.raiKit =
  w.raiKit ||
  function (...args: unknown[]) {
    const stub = w.raiKit!;
    (stub.q = stub.q || []).push(args);
  };
