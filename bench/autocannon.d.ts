// autocannon ships no types and @types/autocannon is not installed: only what the bench uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    /** Seconds. */
    duration?: number;
    connections?: number;
    headers?: Record<string, string>;
  }

  /** A histogram summary; latency values are in ms, request values in requests per second. */
  interface Histogram {
    average: number;
    mean: number;
    min: number;
    max: number;
    p50: number;
    p99: number;
    total?: number;
  }

  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram;
  }

  // Called without a callback it returns an EventEmitter that is also a thenable.
  export default function autocannon(options: Options): PromiseLike<Result>;
}
