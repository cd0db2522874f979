import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
register('./block-import-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
port1.unref();

/**
 * Makes `import(specifier)` (exactly that specifier, from any module) reject until called again
 * with `null`: a chunk that cannot load. Returns once Node's module hooks have the change.
 */
export async function blockImport(specifier: string | null): Promise<void> {
  const set = new Promise((resolve) => port1.once('message', resolve));
  port1.postMessage(specifier);
  await set;
}
