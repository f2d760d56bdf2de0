import type { ErrorResponse, MessageKind, MessageOf, ResponseOf } from '../lib/messages';

/**
 * The sending side of lib/messages.ts, typed by message kind. `browser` is WXT's global; the function is only
 * called from extension contexts (content scripts and pages).
 */
export function send<K extends MessageKind>(msg: MessageOf<K>): Promise<ResponseOf<K> | ErrorResponse> {
  return browser.runtime.sendMessage(msg) as Promise<ResponseOf<K> | ErrorResponse>;
}
