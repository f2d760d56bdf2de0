/**
 * Records every request made in a browser context: by pages and their frames (content scripts fetch as the page
 * does), by extension pages (popup, options) and by the extension's service worker. Playwright reports service
 * worker requests on the context for Chromium; the self-check in reliability.test.ts makes the worker fetch and
 * fails if that ever stops being true.
 */
import type { BrowserContext, Request } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** 'service-worker', 'page' (a web page or an extension page) or 'unknown'. */
  from: 'service-worker' | 'page' | 'unknown';
  /** URL of the page or worker that made it, when known. */
  initiator: string;
}

export interface NetworkRecorder {
  readonly requests: readonly RecordedRequest[];
  /** Requests to anywhere but the allowed origins, chrome-extension:// and in-memory schemes (data:, blob:). */
  leaving(): RecordedRequest[];
  stop(): void;
}

const IN_BROWSER = /^(chrome-extension|data|blob|about|chrome):/;

function describe(req: Request): RecordedRequest {
  const worker = req.serviceWorker();
  let initiator = worker?.url() ?? '';
  let from: RecordedRequest['from'] = worker ? 'service-worker' : 'unknown';
  if (!worker) {
    try {
      initiator = req.frame().url();
      from = 'page';
    } catch {
      // A request with no frame and no worker (a navigation being set up, a shared worker): keep it anyway.
    }
  }
  return { url: req.url(), method: req.method(), resourceType: req.resourceType(), from, initiator };
}

/**
 * Starts recording. `allowedOrigins` are the local servers the test itself runs, such as the fixture server
 * (`http://127.0.0.1:PORT`); any other host, 127.0.0.1 on another port included, counts as leaving.
 */
export function recordNetwork(context: BrowserContext, allowedOrigins: readonly string[]): NetworkRecorder {
  const requests: RecordedRequest[] = [];
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin));
  const onRequest = (req: Request) => requests.push(describe(req));
  context.on('request', onRequest);
  return {
    requests,
    leaving() {
      return requests.filter((r) => {
        if (IN_BROWSER.test(r.url)) return false;
        try {
          return !allowed.has(new URL(r.url).origin);
        } catch {
          return true;
        }
      });
    },
    stop() {
      context.off('request', onRequest);
    },
  };
}
