/**
 * `uploadImage` (@rai-kit/core/chat) in a real browser against the sandbox: XHR progress,
 * the server's type check, the client's own checks, token renewal and aborts.
 */
import { expect } from '@open-wc/testing';
import { ApiError, MAX_UPLOAD_BYTES, sessionExpiredError, WidgetApiClient, type ChatUpload } from '@rai-kit/core/api';
import { staticToken, type TokenSource } from '@rai-kit/core/auth';
import { ChannelApi, uploadImage } from '@rai-kit/core/chat';
import { apiUrl, community, mintToken } from './support/sandbox.js';
import { memberIds } from './support/widgets.js';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

// Members u_0300 upwards (the composer tests use u_0310 upwards): the demo community has 320.
const freshUser = memberIds(300);

function uploadsUrl(tokenSource: TokenSource): string {
  return new ChannelApi(new WidgetApiClient({ apiUrl, tokenSource }), community, 'ch-general').uploadsUrl;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the upload to fail');
}

/** Counts requests the page opens with XMLHttpRequest while `run` runs. */
async function countingRequests<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const open = XMLHttpRequest.prototype.open;
  let requests = 0;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    requests++;
    return open.apply(this, args);
  } as typeof open;
  try {
    return { result: await run(), requests };
  } finally {
    XMLHttpRequest.prototype.open = open;
  }
}

/** A token source that hands out `first`, then `renewed` when the server refuses it. */
function renewingSource(first: string, renewed: string | null) {
  const calls = { renew: 0 };
  const source: TokenSource = {
    kind: 'provider',
    getToken: async () => first,
    renew: async (rejected) => {
      calls.renew++;
      expect(rejected).to.equal(first);
      if (renewed === null) throw sessionExpiredError();
      return renewed;
    },
    subscribe: () => () => {},
  };
  return { source, calls };
}

describe('uploadImage against the sandbox', () => {
  it('uploads an image with progress and answers the upload, served back byte for byte', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    const progress: Array<[number, number]> = [];
    const upload: ChatUpload = await uploadImage({
      url: uploadsUrl(tokenSource),
      file: new Blob([PNG], { type: 'image/png' }),
      tokenSource,
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    expect([upload.width, upload.height]).to.deep.equal([1, 1]);
    expect(upload.id).to.be.a('string').and.not.be.empty;
    expect(progress.length).to.be.greaterThan(0);
    expect(progress.at(-1)).to.deep.equal([PNG.length, PNG.length]);
    const served = new Uint8Array(await (await fetch(upload.url)).arrayBuffer());
    expect([...served]).to.deep.equal([...PNG]);
  });

  it('reports the server refusing bytes that are not the declared type (415)', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    const file = new Blob([new TextEncoder().encode('not a png at all')], { type: 'image/png' });
    const error = await rejection(uploadImage({ url: uploadsUrl(tokenSource), file, tokenSource }));
    expect([error.code, error.status]).to.deep.equal(['invalid_request', 415]);
    expect(error.message).to.contain('not a image/png image');
  });

  it('refuses a file too big or of another type at once, without a request', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    const url = uploadsUrl(tokenSource);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PNG);
    const { result: errors, requests } = await countingRequests(() =>
      Promise.all([
        rejection(uploadImage({ url, file: new Blob([big], { type: 'image/png' }), tokenSource })),
        rejection(uploadImage({ url, file: new Blob(['hello'], { type: 'text/plain' }), tokenSource })),
      ]),
    );
    expect(requests).to.equal(0);
    expect(errors.map((e) => [e.code, e.status])).to.deep.equal([
      ['invalid_request', 413],
      ['invalid_request', 415],
    ]);
  });

  it('renews a refused token once and sends again', async () => {
    const { source, calls } = renewingSource('not-a-token', await mintToken(freshUser()));
    const upload = await uploadImage({ url: uploadsUrl(source), file: new Blob([PNG], { type: 'image/png' }), tokenSource: source });
    expect(upload.id).to.be.a('string');
    expect(calls.renew).to.equal(1);
  });

  it('ends in session_expired when the renewed token is refused too', async () => {
    const { source, calls } = renewingSource('not-a-token', 'still-not-a-token');
    const error = await rejection(uploadImage({ url: uploadsUrl(source), file: new Blob([PNG], { type: 'image/png' }), tokenSource: source }));
    expect(error.code).to.equal('session_expired');
    expect(calls.renew).to.equal(1);
  });

  it('aborts an upload in flight with the client’s abort error', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    const controller = new AbortController();
    const big = new Uint8Array(MAX_UPLOAD_BYTES - 1);
    big.set(PNG);
    const error = await rejection(
      uploadImage({
        url: uploadsUrl(tokenSource),
        file: new Blob([big], { type: 'image/png' }),
        tokenSource,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error.code).to.equal('aborted');
  });

  it('reports an unreachable server as network_error', async () => {
    const tokenSource = staticToken(await mintToken(freshUser()));
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const error = await rejection(
      uploadImage({ url: 'http://127.0.0.1:9/uploads', file: new Blob([PNG], { type: 'image/png' }), tokenSource }),
    );
    expect(error.code).to.equal('network_error');
  });
});
