import { MAX_UPLOAD_BYTES, UPLOAD_TYPES, type ChatUpload } from '../api/chat-types.js';
import { errorFromResponse } from '../api/error-from-response.js';
import { ApiError, sessionExpiredError } from '../api/errors.js';
import type { Envelope } from '../api/types.js';
import type { TokenSource } from '../auth/token-source.js';
import { abortError, raceSignal } from '../util/abort.js';

export interface UploadOptions {
  /** `ChannelApi.uploadsUrl`. */
  url: string;
  file: Blob;
  tokenSource: TokenSource;
  /** Called with bytes sent and total while the body uploads. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one image as the raw body with its `Content-Type`. Uses `XMLHttpRequest` because
 * `fetch` reports no upload progress. Same auth rules as the client (bearer header, one
 * renewal on 401, then `session_expired`); failures are `ApiError`s in the contract's shape
 * (`invalid_request` 415 for a type, 413 for a size, `network_error`, `aborted`). Browser only.
 */
export async function uploadImage({ url, file, tokenSource, onProgress, signal }: UploadOptions): Promise<ChatUpload> {
  checkImage(file);
  const token = await raceSignal(tokenSource.getToken({ signal }), signal);
  const first = await post(url, file, token, onProgress, signal);
  // A 401 without a token is the server's answer for public callers: nothing to renew.
  if (first.status !== 401 || token === null) return uploaded(first);
  const retried = await post(url, file, await raceSignal(tokenSource.renew(token), signal), onProgress, signal);
  if (retried.status === 401) throw sessionExpiredError(await errorFromResponse(retried));
  return uploaded(retried);
}

/**
 * Refuses what the server would refuse, before any byte is sent: an immediate answer, and
 * for a too-large body the only reliable one (the server answers 413 before the body is
 * read and closes the connection, which the browser reports as a network error). The
 * errors carry the status the server would have answered, so callers branch on one thing.
 */
function checkImage(file: Blob): void {
  if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) {
    throw new ApiError({ code: 'invalid_request', status: 415, message: `Only ${UPLOAD_TYPES.join(', ')} images can be attached.` });
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new ApiError({ code: 'invalid_request', status: 413, message: `Images can be ${MAX_UPLOAD_BYTES / (1024 * 1024)} MiB at most.` });
  }
}

async function uploaded(response: Response): Promise<ChatUpload> {
  if (!response.ok) throw await errorFromResponse(response);
  return ((await response.json()) as Envelope<ChatUpload>).data;
}

/** One POST; resolves with the answer as a `Response` (whatever its status), so error handling is the client's. */
function post(
  url: string,
  file: Blob,
  token: string | null,
  onProgress: UploadOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<Response> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    xhr.responseType = 'arraybuffer';
    xhr.setRequestHeader('Content-Type', file.type);
    if (token !== null) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      settle();
      resolve(new Response(xhr.response as ArrayBuffer, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }));
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiError({ code: 'network_error', message: 'The image could not be uploaded: the widget API could not be reached.' }));
    };
    xhr.onabort = () => {
      settle();
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
  });
}

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
