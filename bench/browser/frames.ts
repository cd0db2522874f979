/** Page-side timing helpers. */

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * The frame that follows, three ways: `start` when its rAF callbacks run (before its style,
 * layout and paint: a lower bound), `next` when the rAF of the frame after runs (that paint is
 * done: the double-rAF approximation), and `done` when a task queued from the first rAF runs
 * (after the paint too, but on a busy main thread also after every task queued before it).
 */
export const nextFrameSpan = (): Promise<{ start: number; next: number; done: number }> =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      let next = 0;
      let done = 0;
      const settle = () => next && done && resolve({ start, next, done });
      setTimeout(() => {
        done = performance.now();
        settle();
      });
      requestAnimationFrame(() => {
        next = performance.now();
        settle();
      });
    }),
  );

/**
 * Resolves in the frame after the next one: the next frame's rAF runs before its paint,
 * so by the second callback that paint has happened (the usual double-rAF approximation).
 */
export async function afterPaint(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

/**
 * Resolves as soon as `test()` holds, checked on every mutation under `root` (mutation
 * observers run as microtasks, so this sees DOM changes before any frame is drawn).
 */
export function whenInDom<T>(root: Node, test: () => T | null | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = test();
      if (!found) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (!check()) observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}
