// Node module hooks (registered by block-import.ts): while blocking, resolving `specifier`
// fails as a lost network fails a browser's `import()` of a chunk. Runs on Node's hooks thread,
// so the test toggles it through `port`.
let blocked = null;

export function initialize({ port }) {
  port.on('message', (specifier) => {
    blocked = specifier;
    port.postMessage('set');
  });
  port.unref();
}

export async function resolve(specifier, context, next) {
  if (specifier === blocked) throw new TypeError(`Failed to fetch dynamically imported module: ${specifier}`);
  return next(specifier, context);
}
