import { describe, expect, it, vi } from 'vitest';
import type { TokenProvider } from './api-client';
import { ApiError } from './api-error';
import { createApiUploader, type UploadProgress } from './api-upload';

interface Answer {
  status: number;
  body: unknown;
  /** Progress events the upload reports before it completes, as [loaded, total]. */
  progress?: Array<[number, number]>;
}

/** Enough of XMLHttpRequest for the uploader: records what was sent and answers from a script, asynchronously. */
class FakeRequest {
  static sent: Array<{ method: string; url: string; headers: Record<string, string>; body: Blob }> = [];
  static script: Answer[] = [];
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  private method = '';
  private url = '';
  private readonly headers: Record<string, string> = {};

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(): string | null {
    return null;
  }
  abort(): void {
    this.onabort?.();
  }
  send(body: Blob): void {
    FakeRequest.sent.push({ method: this.method, url: this.url, headers: { ...this.headers }, body });
    const answer = FakeRequest.script.shift() ?? { status: 500, body: { statusCode: 500, error: 'Error', message: 'no scripted answer' } };
    setTimeout(() => {
      for (const [loaded, total] of answer.progress ?? []) this.upload.onprogress?.(new ProgressEvent('progress', { loaded, total, lengthComputable: true }));
      this.upload.onload?.();
      this.status = answer.status;
      this.responseText = JSON.stringify(answer.body);
      this.onload?.();
    }, 0);
  }
}

function setup(tokens: TokenProvider, script: Answer[]) {
  FakeRequest.sent = [];
  FakeRequest.script = script;
  return createApiUploader({ tokens, createRequest: () => new FakeRequest() as unknown as XMLHttpRequest });
}

const file = new Blob(['student_email,assessment,taken_on,score,max_score\n'], { type: 'text/csv' });

describe('apiUpload', () => {
  it('sends the file as text/csv with the bearer token, reports progress, then the processing phase, and parses the answer', async () => {
    const upload = setup({ getAccessToken: () => 'token-1', refresh: vi.fn() }, [
      { status: 200, body: { imported: 3, updated: 0, unchanged: 0, rows: 3 }, progress: [[1000, 4000], [4000, 4000]] },
    ]);
    const progress: UploadProgress[] = [];
    const uploaded = vi.fn();

    const result = await upload('/programs/p1/academic-records/import', { body: file, contentType: 'text/csv', onUploadProgress: (p) => progress.push(p), onUploaded: uploaded });

    expect(result).toEqual({ imported: 3, updated: 0, unchanged: 0, rows: 3 });
    expect(FakeRequest.sent).toHaveLength(1);
    expect(FakeRequest.sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/programs/p1/academic-records/import',
      headers: { Authorization: 'Bearer token-1', 'Content-Type': 'text/csv' },
      body: file,
    });
    expect(progress).toEqual([
      { loaded: 1000, total: 4000 },
      { loaded: 4000, total: 4000 },
    ]);
    expect(uploaded).toHaveBeenCalledTimes(1);
  });

  it('given an expired token, then it renews the session once and sends the file again with the new token', async () => {
    let current = 'expired';
    const refresh = vi.fn(async () => {
      current = 'fresh';
      return current;
    });
    const upload = setup({ getAccessToken: () => current, refresh }, [
      { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' } },
      { status: 200, body: { imported: 1, updated: 0, unchanged: 0, rows: 1 } },
    ]);

    await expect(upload('/x', { body: file, contentType: 'text/csv' })).resolves.toMatchObject({ imported: 1 });
    expect(refresh).toHaveBeenCalledWith('expired');
    expect(FakeRequest.sent.map((s) => s.headers['Authorization'])).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('given the session cannot be renewed, then the 401 is thrown and nothing is sent again', async () => {
    const upload = setup({ getAccessToken: () => 'expired', refresh: async () => null }, [
      { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue', code: 'UNAUTHENTICATED' } },
    ]);
    const error = await upload('/x', { body: file, contentType: 'text/csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(FakeRequest.sent).toHaveLength(1);
  });

  it('given a refused import, then the ApiError keeps every rejected line', async () => {
    const rejected = [
      { line: 2, error: 'student_email is not a valid email address' },
      { line: 7, error: 'score is above max_score' },
    ];
    const upload = setup({ getAccessToken: () => 'token', refresh: vi.fn() }, [
      { status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', message: '2 line(s) of the file are not valid; nothing was imported', code: 'IMPORT_REJECTED', rejected } },
    ]);
    const error = await upload('/x', { body: file, contentType: 'text/csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 422, code: 'IMPORT_REJECTED', rejected });
  });

  it('given an aborted signal, then it rejects with an AbortError', async () => {
    const upload = setup({ getAccessToken: () => 'token', refresh: vi.fn() }, []);
    const controller = new AbortController();
    controller.abort();
    const error = await upload('/x', { body: file, contentType: 'text/csv', signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
