import { ApiError, isAbort, MAX_MESSAGE_IMAGES, type ChatUpload } from '@rai-kit/core/api';
import type { TokenSource } from '@rai-kit/core/auth';
import { uploadImage } from '@rai-kit/core/chat';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where uploads go: `ChannelApi.uploadsUrl` and the token to send them with. */
export interface UploadTarget {
  url: string;
  tokenSource: TokenSource;
}

/** One image the user attached to the message being written. Replaced (never mutated) on every change. */
export interface Attachment {
  readonly key: string;
  readonly file: File;
  /** Object URL of `file` for the preview; revoked when the attachment goes. */
  readonly previewUrl: string;
  readonly status: 'uploading' | 'uploaded' | 'failed';
  /** Bytes sent so far, of `total`. */
  readonly sent: number;
  readonly total: number;
  readonly upload: ChatUpload | null;
  /** Why it `failed`; `null` for a failure that is not the API's (shown as a generic one). */
  readonly error: ApiError | null;
}

/**
 * The images attached to the message being written: each uploads as soon as it is
 * attached, with progress, and can be removed (which aborts its upload) or retried.
 * Uploading at once means an image the user then removes was uploaded for nothing (unsent
 * uploads are the server's to expire); in exchange Send rarely has anything left to wait for.
 */
export class AttachmentUploads implements ReactiveController {
  #host: ReactiveControllerHost;
  #target: () => UploadTarget | undefined;
  #items: readonly Attachment[] = [];
  #uploads = new Map<string, AbortController>();
  #nextKey = 0;

  constructor(host: ReactiveControllerHost, target: () => UploadTarget | undefined) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  get items(): readonly Attachment[] {
    return this.#items;
  }

  /** Some upload is still in flight. */
  get busy(): boolean {
    return this.#items.some((item) => item.status === 'uploading');
  }

  /** Every attachment is uploaded: the message can be sent with {@link imageIds}. */
  get ready(): boolean {
    return this.#items.every((item) => item.status === 'uploaded');
  }

  get imageIds(): string[] {
    return this.#items.flatMap((item) => (item.upload ? [item.upload.id] : []));
  }

  /** Free places for images in this message. */
  get room(): number {
    return MAX_MESSAGE_IMAGES - this.#items.length;
  }

  /** Attaches and starts uploading the first {@link room} files; returns how many did not fit. */
  add(files: readonly File[]): number {
    const taken = files.slice(0, Math.max(0, this.room));
    const added = taken.map((file): Attachment => ({
      key: `a${this.#nextKey++}`,
      file,
      previewUrl: URL.createObjectURL(file),
      status: 'uploading',
      sent: 0,
      total: file.size,
      upload: null,
      error: null,
    }));
    this.#items = [...this.#items, ...added];
    for (const item of added) this.#start(item.key);
    this.#host.requestUpdate();
    return files.length - taken.length;
  }

  /** Uploads a failed attachment again. */
  retry(key: string): void {
    if (this.#find(key)?.status !== 'failed') return;
    this.#update(key, { status: 'uploading', sent: 0, error: null });
    this.#start(key);
  }

  /** Drops an attachment, aborting its upload if it is in flight. */
  remove(key: string): void {
    const item = this.#find(key);
    if (!item) return;
    this.#uploads.get(key)?.abort();
    this.#uploads.delete(key);
    URL.revokeObjectURL(item.previewUrl);
    this.#items = this.#items.filter((i) => i.key !== key);
    this.#host.requestUpdate();
  }

  /** Drops every attachment (after a send, or when the composer goes away). */
  clear(): void {
    for (const { key } of this.#items) this.remove(key);
  }

  #find(key: string): Attachment | undefined {
    return this.#items.find((item) => item.key === key);
  }

  #update(key: string, change: Partial<Attachment>): void {
    this.#items = this.#items.map((item) => (item.key === key ? { ...item, ...change } : item));
    this.#host.requestUpdate();
  }

  async #start(key: string): Promise<void> {
    const item = this.#find(key)!;
    const target = this.#target();
    const controller = new AbortController();
    this.#uploads.set(key, controller);
    try {
      if (!target) throw new Error('rai-chat-composer: no channel to upload to (set `api`).');
      const upload = await uploadImage({
        ...target,
        file: item.file,
        signal: controller.signal,
        onProgress: (sent, total) => this.#update(key, { sent, total }),
      });
      this.#update(key, { status: 'uploaded', sent: item.total, upload });
    } catch (error) {
      // A removed attachment is gone: its abort is not a failure to show.
      if (isAbort(error) && controller.signal.aborted) return;
      this.#update(key, { status: 'failed', error: error instanceof ApiError ? error : null });
    } finally {
      if (this.#uploads.get(key) === controller) this.#uploads.delete(key);
    }
  }
}
