import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a {@link LoadTask} is; the same values as `@lit/task`'s `TaskStatus`. */
export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Returned by a task function: nothing to load (a required value is missing), back to INITIAL. */
export const initialState: unique symbol = Symbol();

export interface LoadTaskConfig<A extends readonly unknown[], R> {
  /** Read before every host update; the task runs again when an element differs (`Object.is`). */
  args: () => A;
  /**
   * Loads. `signal` aborts when a newer run starts while this one is pending; what this run
   * resolves to after that is dropped.
   */
  task: (args: A, options: { signal: AbortSignal }) => Promise<R | typeof initialState>;
  /** Called with the latest run's value, before `status` says COMPLETE. */
  onComplete?: (value: R) => unknown;
  /** Called with the latest run's error, before `status` says ERROR. */
  onError?: (error: unknown) => unknown;
}

/** A view per status, for {@link LoadTask.render}. */
export interface StatusRenderer<R, V> {
  initial: () => V;
  pending: () => V;
  complete: (value: R) => V;
  error: (error: unknown) => V;
}

/** Whether two args lists are equal element by element (`@lit/task`'s default comparison). */
const sameArgs = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Loads a widget's data when the values it depends on change, and tells the host to render
 * each step (pending, complete, error).
 *
 * Hand-written, although the project prefers a well-kept library (`@lit/task`, whose semantics
 * this keeps): size demands it. `@lit/task` cost 1.78 kB minified in every widget's first load,
 * against issue 7's budget of 15 kB gzip per widget including Lit. This keeps only what the
 * widgets use: `args` compared element-wise before each update, `run()`, `status`, `value`
 * (kept while a new run is pending and when a run answers `initialState`), `error`, `render`,
 * `onComplete`/`onError`, and the abort signal. Left out, as no widget uses them: `autoRun`
 * (`false` / `'afterUpdate'`), `taskComplete`, `abort()`, `initialValue`, a custom `argsEqual`,
 * `run(args)` and the function-only constructor; `render` takes all four views.
 */
export class LoadTask<const A extends readonly unknown[], const R> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #config: LoadTaskConfig<A, R>;
  #status: TaskStatus = TaskStatus.INITIAL;
  #value: R | undefined;
  #error: unknown;
  /** Those of the latest run (or update), to compare the next ones with. */
  #args: A | undefined;
  /** Counts runs: only the latest one's result counts. */
  #runs = 0;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, config: LoadTaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  get status(): TaskStatus {
    return this.#status;
  }

  /** The latest completed run's value; `undefined` after an error. */
  get value(): R | undefined {
    return this.#value;
  }

  /** The latest failed run's error; `undefined` after a success. */
  get error(): unknown {
    return this.#error;
  }

  hostUpdate(): void {
    const args = this.#config.args();
    const previous = this.#args;
    this.#args = args;
    if (!previous || !sameArgs(previous, args)) void this.#run(args);
  }

  /** Runs the task now with the current args (a retry, a reload), superseding a pending run. */
  run(): Promise<void> {
    return this.#run(this.#config.args());
  }

  /** The view for the current status. */
  render<V>(renderer: StatusRenderer<R, V>): V {
    const status = this.#status;
    return status === TaskStatus.COMPLETE
      ? renderer.complete(this.#value as R)
      : status === TaskStatus.ERROR
        ? renderer.error(this.#error)
        : status === TaskStatus.PENDING
          ? renderer.pending()
          : renderer.initial();
  }

  async #run(args: A): Promise<void> {
    this.#args = args;
    // A completed run's signal stays live: its value may still use it (later pages, say).
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort();
    this.#status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const run = ++this.#runs;
    const abort = (this.#abort = new AbortController());
    let value: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await this.#config.task(args, { signal: abort.signal });
    } catch (caught) {
      failed = true;
      error = caught;
    }
    if (run !== this.#runs) return;
    if (value === initialState) {
      this.#status = TaskStatus.INITIAL;
    } else {
      try {
        if (failed) this.#config.onError?.(error);
        else this.#config.onComplete?.(value as R);
      } catch (callbackError) {
        // The load itself is done: a failing callback must not leave it pending, nor go unseen.
        reportError(callbackError);
      }
      this.#status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.#value = value;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }
}
