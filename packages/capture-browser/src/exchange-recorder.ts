import type { Page, Request, Response } from 'playwright-core';
import { isAllowedHost } from './patrol-settings.js';

/** One HTTP exchange as the browser made it (before secrets are removed). */
export interface RecordedExchange {
  url: string;
  method: string;
  requestHeaders: Array<{ name: string; value: string }>;
  requestBody?: Uint8Array;
  status: number;
  statusText: string;
  httpVersion: string;
  responseHeaders: Array<{ name: string; value: string }>;
  /** The body as the page received it (decoded from any transfer or content encoding). */
  body: Uint8Array;
  /** When the response arrived (ISO). */
  at: string;
  /** The main document of the page (or one of its redirects). */
  isDocument: boolean;
}

/** What a recorder holds for the document now shown. */
export interface DocumentRecording {
  exchanges: RecordedExchange[];
  /** The main document's final response, for TLS details. */
  mainResponse?: Response;
  /** URLs the main document went through, first to last. */
  urlChain: string[];
  startedAt?: string;
}

/**
 * Record every exchange of a tab on allowed hosts, grouped by main-frame document: a new
 * navigation starts a new recording. Bodies are read as each response finishes, while the
 * browser still holds them. Exchanges with other hosts are never read.
 */
export class ExchangeRecorder {
  private pending: Array<Promise<RecordedExchange | undefined>> = [];
  private mainResponse: Response | undefined;
  private urlChain: string[] = [];
  private startedAt: string | undefined;
  private readonly onRequest = (request: Request) => {
    if (!request.isNavigationRequest() || request.frame() !== this.page.mainFrame()) return;
    if (!request.redirectedFrom()) {
      this.pending = [];
      this.urlChain = [];
      this.mainResponse = undefined;
      this.startedAt = new Date().toISOString();
    }
    this.urlChain.push(request.url());
  };
  private readonly onFinished = (request: Request) => {
    if (!isAllowedHost(request.url(), this.allowedHosts)) return;
    const isDocument = request.isNavigationRequest() && request.frame() === this.page.mainFrame();
    this.pending.push(this.read(request, isDocument));
  };

  constructor(
    private readonly page: Page,
    private readonly allowedHosts: readonly string[],
  ) {
    page.on('request', this.onRequest);
    page.on('requestfinished', this.onFinished);
    // A redirect is finished as a request too, without a body to read.
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && response.status() < 300) this.mainResponse = response;
    });
  }

  /** Everything recorded for the document now shown (waits for bodies still being read). */
  async current(): Promise<DocumentRecording> {
    const settled = await Promise.all(this.pending);
    return {
      exchanges: settled.filter((entry): entry is RecordedExchange => entry !== undefined),
      ...(this.mainResponse ? { mainResponse: this.mainResponse } : {}),
      urlChain: this.urlChain.length > 0 ? [...this.urlChain] : [this.page.url()],
      ...(this.startedAt ? { startedAt: this.startedAt } : {}),
    };
  }

  detach(): void {
    this.page.off('request', this.onRequest);
    this.page.off('requestfinished', this.onFinished);
  }

  private async read(request: Request, isDocument: boolean): Promise<RecordedExchange | undefined> {
    try {
      const response = await request.response();
      if (!response) return undefined;
      const redirect = response.status() >= 300 && response.status() < 400;
      const [requestHeaders, responseHeaders, body] = await Promise.all([request.headersArray(), response.headersArray(), redirect ? Promise.resolve(Buffer.alloc(0)) : response.body().catch(() => Buffer.alloc(0))]);
      const postData = request.postDataBuffer();
      return {
        url: request.url(),
        method: request.method(),
        requestHeaders,
        ...(postData ? { requestBody: new Uint8Array(postData) } : {}),
        status: response.status(),
        statusText: response.statusText(),
        httpVersion: 'HTTP/1.1',
        responseHeaders,
        body: new Uint8Array(body),
        at: new Date().toISOString(),
        isDocument,
      };
    } catch {
      // A tab closed mid-read leaves nothing to record; the rest of the page still is.
      return undefined;
    }
  }
}
