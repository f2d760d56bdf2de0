/**
 * The reading engine, kept warm in the background: segmenter (lexicon built once), glossary and user terms
 * (reloaded when they may have changed), converters (built lazily, cached by lib/text/convert). Pages ask it for
 * views of their text; the reader content script carries none of this.
 */
import Dexie from 'dexie';
import { activeTerms, DB_NAME, knownForms, type Term } from '../db';
import { hskLevel } from '../text/hsk';
import { knownRevisionItem } from '../storage';
import { createTermMatcher } from '../glossary/match';
import { termsForEngine } from '../glossary';
import { completeAliases } from '../glossary/alias';
import { buildView, type BuiltView, type ViewEngine } from './build-view';
import { createSegmenter, type Segmenter } from '../text/segment';
import { defaultLexicon } from '../text/lexicon-default';
import { getConverter, getWordConverter } from '../text/convert';
import { readRun } from '../text/pinyin';
import type { MessageOf } from '../messages';
import { db } from './db';
import { PrebuiltViews } from './prebuilt';

type TermPart = Pick<ViewEngine, 'terms' | 'termWords' | 'matcher'> & {
  /** The glossary and user terms as read, for hover lookups. */
  glossary: Term[];
};

let segmenter: Segmenter | null = null;
let termPart: Promise<TermPart> | null = null;

/**
 * Terms are read again only after a write to the terms table, from this worker or from the options page (Dexie
 * tells every context of the extension's origin about each committed write). It used to re-read and serialise
 * every term each 3 s whether or not anything changed: with a large imported glossary that was seconds of work.
 */
let termsChanged = true;
let watching = false;

function watchTerms(): void {
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => key.startsWith(`idb://${DB_NAME}/terms/`) || key === 'all'))
      termsChanged = true;
  });
}

async function loadTerms(): Promise<TermPart> {
  const read = await activeTerms(await db());
  // An alias typed or migrated without its reading gets one here (pinyin-pro, OpenCC), so it reads as itself.
  const terms = read.map(completeAliases);
  const pinyinTerms = termsForEngine(terms);
  return {
    terms: pinyinTerms,
    termWords: pinyinTerms.map((t) => t.word),
    matcher: createTermMatcher(terms),
    glossary: terms,
  };
}

async function engineParts(): Promise<{ segmenter: Segmenter } & TermPart> {
  watchTerms();
  if (!termPart || termsChanged) {
    termsChanged = false;
    // Unchanged terms keep the parts built from them, the same arrays included: the segmenter and pinyin reader
    // index the terms per array, and building those indexes again cost the next page's first view 15–20 ms.
    const next = loadTerms();
    // Keep serving the previous terms while new ones load; the first call waits.
    const prev = termPart;
    termPart = next;
    next.catch(() => {
      termPart = prev;
      termsChanged = true;
    });
  }
  // Built while the terms are read (the read waits on IndexedDB, the build on the CPU).
  segmenter ??= createSegmenter(defaultLexicon());
  const parts = await termPart;
  return { segmenter, ...parts };
}

/** The active glossary and user terms, re-read on the same schedule as the engine's (one read serves both). */
export async function currentTerms(): Promise<Term[]> {
  return (await engineParts()).glossary;
}

/** Builds what the first view needs ahead of the reader's request (called when Chinese is detected). */
export function warmEngine(): void {
  // A view of a few characters builds the segmenter's and the pinyin reader's indexes of the current terms.
  void engineParts()
    .then((parts) => buildView('预热', { pinyin: true, pinyinStyle: 'marks', script: 'original' }, parts))
    .catch(() => {});
}

let known: Promise<Set<string>> | null = null;
let knownWatched = false;

/** Both script forms of the user's known words, reloaded after any change to them. */
export function knownWords(): Promise<Set<string>> {
  if (!knownWatched) {
    knownWatched = true;
    knownRevisionItem.watch(() => (known = null));
  }
  known ??= db()
    .then(knownForms)
    .catch(() => new Set<string>());
  return known;
}

/** Words to leave without pinyin under the reader's settings, or undefined when none are. */
async function pinyinFilter(msg: MessageOf<'views'>): Promise<((word: string) => boolean) | undefined> {
  const level = msg.hskHideLevel ?? 0;
  if (!msg.pinyin || (!msg.hideKnown && level === 0)) return undefined;
  const words = msg.hideKnown ? await knownWords() : null;
  return (word) => {
    if (words?.has(word)) return true;
    if (level === 0) return false;
    const l = hskLevelOf(word);
    return l > 0 && l <= level;
  };
}

const levels = new Map<string, number>();

/** HSK level of a page word in either script (the lists are Simplified), remembered: pages repeat their words. */
function hskLevelOf(word: string): number {
  let l = levels.get(word);
  if (l === undefined) {
    l = hskLevel(word);
    if (l === 0 && /^\p{Script=Han}+$/u.test(word)) l = hskLevel(getConverter('cn')(word));
    if (levels.size > 50_000) levels.clear();
    levels.set(word, l);
  }
  return l;
}

export async function buildViews(msg: MessageOf<'views'>): Promise<BuiltView[]> {
  const parts = await engineParts();
  const engine: ViewEngine = {
    ...parts,
    convert: msg.script === 'original' ? undefined : getWordConverter(msg.script, msg.source),
    hidePinyinFor: await pinyinFilter(msg),
  };
  const settings = { pinyin: msg.pinyin, pinyinStyle: msg.pinyinStyle, script: msg.script };
  return msg.texts.map((t) => buildView(t, settings, engine));
}

const prebuilt = new PrebuiltViews();

/**
 * Starts building the views a reader is about to ask for (the first screen's texts, sent with the full detector's
 * verdict), so they are ready when its request comes: the build runs here while reader.js is injected and evaluated
 * in the page.
 */
export function prebuildViews(msg: MessageOf<'views'>): void {
  if (msg.texts.length) prebuilt.put(msg, () => packViews(msg));
}

/** The packed views of `msg`, built ahead by `prebuildViews` for this very request, else built now. */
export function packedViews(msg: MessageOf<'views'>): Promise<string> {
  return prebuilt.answer(msg, () => packViews(msg));
}

async function packViews(msg: MessageOf<'views'>): Promise<string> {
  return JSON.stringify(await buildViews(msg));
}

/** Occurrences of the active glossary and user terms in `text`, found as the page's views find them. */
export async function countTerms(text: string): Promise<number> {
  const { matcher } = await engineParts();
  return matcher?.find(text).length ?? 0;
}

/** Pinyin of each character of `text`, read in context, for the hover card. */
export function readingsOf(text: string): (string | null)[] {
  return readRun(text).map((r) => r.pinyin);
}
