import * as v from 'valibot';
import type { DictImportState } from './db/dict-buckets';
import type { DictMatch } from './dict/types';
import type { Term } from './glossary/types';
import { PINYIN_STYLES, SCRIPT_TARGETS, siteKey, type Settings, type SiteOverride } from './settings';
import type { BuiltView } from './dom/view';
import { TRADITIONAL_SOURCES } from './text/region';

// ---- requests: one schema per kind, validated on receipt ------------------------------------------------------

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const host = v.pipe(v.string(), v.maxLength(255));
/** Longest text the reader sends for counting terms (a page beyond it is counted over its first part). */
export const MAX_COUNTED_TEXT = 1_000_000;

/**
 * The detector's first look saw CJK text in this frame: the background runs the full detector there (the injected
 * entrypoints/detect-prose.ts, whose answer is a `Detection`) and injects the reader where it finds Chinese prose.
 */
const CjkSeenSchema = v.object({ type: v.literal('cjkSeen') });

/** What the full detector (entrypoints/detect-prose.ts) answers about a frame, checked on receipt like a message. */
const DetectionSchema = v.object({
  chinese: v.boolean(),
  script: v.nullable(v.picklist(['simplified', 'traditional'])),
  hanChars: count,
  blocks: count,
  /** Where Chinese prose was found: the texts the reader will ask views for first (lib/dom/first-screen.ts). */
  first: v.optional(
    v.pipe(
      v.array(v.string()),
      v.maxLength(400),
      v.check((t) => t.reduce((n, s) => n + s.length, 0) <= 1_000_000, 'At most 1M characters'),
    ),
  ),
  /** The page's `lang` attribute, which says whose Traditional it is (lib/text/region.ts). */
  lang: v.optional(v.nullable(v.string())),
});

/** The text at the pointer; only its first 8 characters are looked up, the rest is slack for the caller. */
const LookupSchema = v.object({ type: v.literal('lookup'), text: nonEmpty(64) });

/** Lookups of many pointer positions at once: the reader prefetches what is on screen so hovering is instant. */
const LookupManySchema = v.object({
  type: v.literal('lookupMany'),
  texts: v.pipe(v.array(nonEmpty(64)), v.minLength(1), v.maxLength(500)),
  /** Also read each text's pinyin in context (the reader has it already when its ruby shows tone marks). */
  readings: v.optional(v.boolean(), true),
});

const SaveWordSchema = v.object({
  type: v.literal('saveWord'),
  word: nonEmpty(50),
  pinyin: v.optional(text(300)),
  definition: v.optional(text(2000)),
  sentence: text(2000),
  /** UTF-16 offset of the word in `sentence`; -1 when unknown. */
  offset: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  title: text(500),
  url: text(4096),
  listId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const GetSettingsSchema = v.object({ type: v.literal('getSettings'), host });

const SetSettingsSchema = v.pipe(
  v.object({
    type: v.literal('setSettings'),
    scope: v.picklist(['global', 'site']),
    host: v.optional(host),
    /** Unknown keys and bad values are dropped; in a site patch, `null` removes the override. */
    patch: v.record(v.string(), v.unknown()),
  }),
  v.check((m) => m.scope === 'global' || !!m.host, 'A site setting needs a host'),
);

/**
 * The reader, started by the browser on a site where it is registered (lib/reader-sites.ts), reports what the
 * site's look found on the page, as the full detector's answer does on a first visit: the popup describes it.
 */
const ReaderDetectedSchema = v.object({
  type: v.literal('readerDetected'),
  chinese: v.literal(true),
  script: v.nullable(v.picklist(['simplified', 'traditional'])),
  hanChars: count,
  blocks: count,
});

/** Reported by the reader after annotating, shown by the popup. */
const PageStatsSchema = v.object({
  type: v.literal('pageStats'),
  hanChars: count,
  runs: count,
  words: count,
  terms: count,
  unknownWords: v.optional(count),
});

/** The reader's whole text (blocks one a line), for the popup's count of political terms on the page. */
const CountTermsSchema = v.object({ type: v.literal('countTerms'), text: text(MAX_COUNTED_TEXT) });

const GetPageStatsSchema = v.object({
  type: v.literal('getPageStats'),
  tabId: v.pipe(v.number(), v.integer()),
});

const DictStatusSchema = v.object({ type: v.literal('dictStatus') });

/**
 * "Read this page", from the popup (the keyboard shortcut calls the same code in the background): the reader
 * injected into the tab's frames that hold Han text, whatever the detector decided.
 */
const ReadPageSchema = v.object({ type: v.literal('readPage'), tabId: v.pipe(v.number(), v.integer()) });

/**
 * Views of runs of page text (words, pinyin, converted text, terms), built by the background where the engine
 * lives warm, so the reader injected into pages stays small. At most 400 runs and 1M characters a request.
 */
const ViewsSchema = v.object({
  type: v.literal('views'),
  texts: v.pipe(
    v.array(text(200_000)),
    v.maxLength(400),
    v.check((t) => t.reduce((n, s) => n + s.length, 0) <= 1_000_000, 'At most 1M characters a request'),
  ),
  pinyin: v.boolean(),
  pinyinStyle: v.picklist(PINYIN_STYLES),
  script: v.picklist(SCRIPT_TARGETS),
  /** Whose Traditional conventions the page follows (Taiwan's 著 in 隨著), for conversion to Simplified. */
  source: v.optional(v.picklist(TRADITIONAL_SOURCES), 'any'),
  /** No pinyin over the user's known words. */
  hideKnown: v.optional(v.boolean(), false),
  /** No pinyin over HSK words of this level and below; 0 for none. */
  hskHideLevel: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)), 0),
});

/**
 * The texts on and near the screen of a page on a site where the reader is registered (lib/reader-sites.ts), sent
 * by the site's look while the reader is evaluated: the background builds their views with the site's settings, and
 * the reader's first `views` request for the same texts is answered from them.
 */
const PrebuildViewsSchema = v.object({
  type: v.literal('prebuildViews'),
  texts: ViewsSchema.entries.texts,
  lang: v.optional(v.nullable(text(100))),
});

/**
 * Asks the background to have its engine ready. Sent by the site's look at document_start on a site where the reader
 * is registered (the engine is built while the page is parsed), and by a reader every 20 s while the user reads
 * (lib/reader/keep-warm.ts: Manifest V3 stops an idle worker after 30 s, and the next page would wait for a cold one).
 */
const WarmSchema = v.object({ type: v.literal('warm') });

/** Marks words known or not known, from the hover card or the options page. */
const SetKnownSchema = v.object({
  type: v.literal('setKnown'),
  words: v.pipe(
    v.array(v.object({ simplified: nonEmpty(50), traditional: v.optional(text(50)) })),
    v.minLength(1),
    v.maxLength(10_000),
  ),
  known: v.boolean(),
});

export const MessageSchema = v.variant('type', [
  CjkSeenSchema,
  LookupSchema,
  LookupManySchema,
  SaveWordSchema,
  GetSettingsSchema,
  SetSettingsSchema,
  PageStatsSchema,
  ReaderDetectedSchema,
  CountTermsSchema,
  GetPageStatsSchema,
  DictStatusSchema,
  ReadPageSchema,
  ViewsSchema,
  PrebuildViewsSchema,
  WarmSchema,
  SetKnownSchema,
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageKind = Message['type'];
export type MessageOf<K extends MessageKind> = Extract<Message, { type: K }>;

// ---- responses ------------------------------------------------------------------------------------------------

export type PageStats = Omit<MessageOf<'pageStats'>, 'type'>;
export type DetectedStats = v.InferOutput<typeof DetectionSchema>;

/** The full detector's answer from a frame, or null when it is not one (no answer: the reader already ran there). */
export function parseDetection(raw: unknown): DetectedStats | null {
  const r = v.safeParse(DetectionSchema, raw);
  return r.success ? r.output : null;
}

/** What the popup shows for a tab: the detector's verdict for the top frame, and the reader's counts. */
export interface TabStats {
  detected: DetectedStats | null;
  reader: PageStats | null;
}

export interface SettingsView {
  /** Site key the settings apply to ('' for global only). */
  host: string;
  /** What applies on this site. */
  settings: Settings;
  global: Settings;
  site: SiteOverride;
}

export type SaveWordResponse =
  | { ok: true; entryId: number; listId: number }
  /** `quota` true when storage is full: the UI says so rather than a generic failure. */
  | { ok: false; error: string; quota: boolean };

export interface ResponseMap {
  /** Whether the full detector found Chinese prose in this frame, and whether the reader is being injected there. */
  cjkSeen: { chinese: boolean; inject: boolean };
  /** Dictionary entries longest first; glossary terms found at the same position (they win over CEDICT). */
  lookup: {
    entries: DictMatch[];
    terms: Term[];
    readings?: (string | null)[];
    /** Prefixes of the text the user marked known. */
    known?: string[];
  };
  /**
   * The answers as one JSON string (`unpackLookups` reads it): extension messaging copies a reply value by value,
   * which cost ~0.3 ms per answer of nested entries, ten times what a string of the same answers costs.
   */
  lookupMany: { packed: string };
  saveWord: SaveWordResponse;
  getSettings: SettingsView;
  setSettings: SettingsView;
  pageStats: { ok: true };
  readerDetected: { ok: true };
  prebuildViews: { ok: true };
  warm: { ok: true };
  /** Occurrences of glossary and user terms in the text. */
  countTerms: { terms: number };
  getPageStats: TabStats;
  dictStatus: DictImportState | null;
  /** Han characters found in the tab's frames, and how many frames now have the reader (0 when none had any). */
  readPage: { hanChars: number; frames: number };
  /** The views as one JSON string (`unpackViews` reads it), for the same reason as `lookupMany`. */
  views: { packed: string };
  /** `changed`: rows added or removed. */
  setKnown: { ok: true; changed: number } | { ok: false; error: string; quota: boolean };
}

export type ResponseOf<K extends MessageKind> = ResponseMap[K];

/** What the background answers when it cannot handle a message at all. */
export interface ErrorResponse {
  error: string;
}

/** The sending side: `browser.runtime.sendMessage` typed by kind. */
export type SendMessage = <K extends MessageKind>(
  msg: MessageOf<K>,
) => Promise<ResponseOf<K> | ErrorResponse>;

export function isErrorResponse(r: unknown): r is ErrorResponse {
  return (
    typeof r === 'object' && r !== null && 'error' in r && typeof (r as ErrorResponse).error === 'string'
  );
}

// ---- receiving ------------------------------------------------------------------------------------------------

export type ParseResult = { ok: true; msg: Message } | { ok: false; error: string };

export function parseMessage(raw: unknown): ParseResult {
  const r = v.safeParse(MessageSchema, raw);
  if (r.success) return { ok: true, msg: r.output };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, error: `Invalid message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

/** The parts of `runtime.MessageSender` we rely on, as a plain object so lib/ stays free of extension APIs. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

export type SenderKind = 'content' | 'page';

/**
 * `page` for our own extension pages (popup, options), `content` for our content scripts, null for anyone else.
 * Firefox extension URLs carry a per-install UUID rather than the id, hence the looser moz-extension check.
 */
export function senderKind(
  sender: MessageSenderLike | null | undefined,
  extensionId: string,
): SenderKind | null {
  if (!sender || !extensionId || sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith('moz-extension://'))
    return 'page';
  if (sender.tab) return 'content';
  return null;
}

export function isTrustedSender(sender: MessageSenderLike | null | undefined, extensionId: string): boolean {
  return senderKind(sender, extensionId) !== null;
}

const PAGE_ONLY: ReadonlySet<MessageKind> = new Set(['getPageStats', 'dictStatus', 'readPage']);

/**
 * Whether this sender may send this message. Content scripts run inside visited pages, so they may not read other
 * tabs' stats, and may change settings only for the site they run on.
 */
export function isAllowed(msg: Message, kind: SenderKind, sender: MessageSenderLike): boolean {
  if (kind === 'page') return true;
  if (PAGE_ONLY.has(msg.type)) return false;
  if (msg.type === 'setSettings') {
    return msg.scope === 'site' && !!sender.url && siteKey(sender.url) === siteKey(msg.host ?? '');
  }
  return true;
}

export type Handlers<S = MessageSenderLike> = {
  [K in MessageKind]: (msg: MessageOf<K>, sender: S) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/**
 * Checks the sender, validates the message and calls its handler: the background's `onMessage` listener in one
 * call. Rejections come back as `{ error }`, never as thrown errors, so the sender always gets an answer.
 */
export async function dispatch<S extends MessageSenderLike>(
  handlers: Handlers<S>,
  raw: unknown,
  sender: S,
  extensionId: string,
): Promise<unknown> {
  const kind = senderKind(sender, extensionId);
  if (!kind) return { error: 'Untrusted sender' } satisfies ErrorResponse;
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { error: parsed.error } satisfies ErrorResponse;
  if (!isAllowed(parsed.msg, kind, sender)) return { error: `${parsed.msg.type} is not allowed from here` };
  const handler = handlers[parsed.msg.type] as (msg: Message, sender: S) => unknown;
  try {
    return await handler(parsed.msg, sender);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) } satisfies ErrorResponse;
  }
}

// ---- background → reader -------------------------------------------------------------------------------------

/**
 * What the background asks a page's reader (through `tabs.sendMessage`): so far only the sentence around the
 * selection, for the context menu's "Save to Dubao". The reader answers null when nothing is selected.
 */
const TabMessageSchema = v.variant('type', [v.object({ type: v.literal('selectionContext') })]);

export type TabMessage = v.InferOutput<typeof TabMessageSchema>;
export type TabMessageKind = TabMessage['type'];

const SelectionContextSchema = v.nullable(
  v.object({ sentence: text(200_000), offset: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
);

export interface TabResponseMap {
  selectionContext: v.InferOutput<typeof SelectionContextSchema>;
}

/** A message the reader received, if it is one of ours; anything else is left to other listeners. */
export function parseTabMessage(raw: unknown): TabMessage | null {
  const r = v.safeParse(TabMessageSchema, raw);
  return r.success ? r.output : null;
}

/** The reader's answer checked on receipt: the page it runs in could have tampered with it. */
export function parseSelectionContext(raw: unknown): TabResponseMap['selectionContext'] {
  const r = v.safeParse(SelectionContextSchema, raw);
  return r.success ? r.output : null;
}

/** The views of a `views` reply, in the order of its texts. */
export function unpackViews(reply: ResponseMap['views']): BuiltView[] {
  const views: unknown = JSON.parse(reply.packed);
  if (!Array.isArray(views)) throw new Error('views: the reply is not a list');
  return views as BuiltView[];
}

/** The answers of a `lookupMany` reply, in the order of its texts. */
export function unpackLookups(reply: ResponseMap['lookupMany']): ResponseMap['lookup'][] {
  const results: unknown = JSON.parse(reply.packed);
  if (!Array.isArray(results)) throw new Error('lookupMany: the reply is not a list');
  return results as ResponseMap['lookup'][];
}
