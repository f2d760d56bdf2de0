import type {
  ErrorResponse,
  MessageKind,
  MessageOf,
  ResponseOf,
  TabMessage,
  TabMessageKind,
} from './messages';

/**
 * The one messaging client: the sending side of lib/messages.ts, typed by message kind. `browser` is WXT's
 * global; these are only called from extension contexts (content scripts and pages, and the background for
 * `sendToTab`).
 */
export function send<K extends MessageKind>(msg: MessageOf<K>): Promise<ResponseOf<K> | ErrorResponse> {
  try {
    return browser.runtime.sendMessage(msg) as Promise<ResponseOf<K> | ErrorResponse>;
  } catch (err) {
    // An orphaned content script's API throws at once ("Extension context invalidated"): a failed send all the same.
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/**
 * False once the extension was reloaded, updated or removed under the page this script runs in: its API is gone
 * for good (`runtime.id` is unset), and nothing it sends will ever be answered.
 */
export function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

/** Asks the reader in one frame of a tab; the answer is unchecked (see `parseSelectionContext`). */
export function sendToTab<K extends TabMessageKind>(
  tabId: number,
  frameId: number,
  msg: Extract<TabMessage, { type: K }>,
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, msg, { frameId }) as Promise<unknown>;
}
