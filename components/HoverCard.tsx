import type { JSX } from 'preact';
import { readableDefinition } from '../lib/dict/senses';

export interface CardSense {
  simplified: string;
  traditional: string;
  pinyin: string; // tone marks
  definitions: string[];
  /** Rows that only point to another entry ("variant of 著[zhuo2]"), folded under this one. */
  variants?: string[];
}

export interface CardTerm {
  english: string;
  englishSource: 'official' | 'descriptive';
  source?: string;
  explanation: string;
  category: string;
  status: 'current' | 'historical';
}

export interface CardData {
  word: string; // as it stands in the page
  simplified: string;
  traditional: string;
  pinyin: string; // of the word in context, tone marks
  senses: CardSense[]; // CC-CEDICT entries for the word itself
  inner: CardSense[]; // shorter words inside it
  term?: CardTerm;
  /** The user marked this word known (no pinyin over it when that setting is on). */
  known?: boolean;
}

export interface HoverCardProps {
  data: CardData;
  frozen: boolean;
  saved?: string | null; // message after saving, e.g. "Saved to Default"
  onSave(): void;
  onKnown(): void;
  onSpeak(): void;
  onCopy(): void;
}

const CATEGORY_LABEL: Record<string, string> = {
  slogan: 'Slogan',
  policy: 'Policy',
  institution: 'Institution',
  campaign: 'Campaign',
  ideology: 'Ideology',
  title: 'Title',
  event: 'Event',
  place: 'Place',
};

/** Both script forms where they differ: 着 · 著. */
function formsText(s: Pick<CardSense, 'simplified' | 'traditional'>): string {
  return s.simplified === s.traditional || !s.traditional
    ? s.simplified
    : `${s.simplified} · ${s.traditional}`;
}

function Senses({
  senses,
  limit,
  word,
}: {
  senses: CardSense[];
  limit: number;
  word: CardData;
}): JSX.Element {
  return (
    <ol class="senses">
      {/* Keyed by place: the card is kept between words, and its rows are updated in place. */}
      {senses.slice(0, limit).map((s, i) => (
        <li key={i}>
          <span class="sense-py">{s.pinyin}</span>{' '}
          {(s.simplified !== word.simplified || s.traditional !== word.traditional) && (
            <span class="sense-forms" lang="zh">
              {formsText(s)}{' '}
            </span>
          )}
          {s.definitions.map(readableDefinition).join('; ')}
          {s.variants && s.variants.length > 0 && (
            <div class="variants">{s.variants.map(readableDefinition).join('; ')}</div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The card shown for the word under the pointer. Every string is rendered as text, never as HTML. */
export function HoverCard({
  data,
  frozen,
  saved,
  onSave,
  onKnown,
  onSpeak,
  onCopy,
}: HoverCardProps): JSX.Element {
  const forms =
    data.simplified === data.traditional ? data.simplified : `${data.simplified} · ${data.traditional}`;
  return (
    <div class={frozen ? 'card frozen' : 'card'} role="dialog" aria-label={`Dubao: ${data.word}`}>
      <header>
        <span class="word" lang="zh">
          {data.word}
        </span>
        <span class="pinyin">{data.pinyin}</span>
      </header>
      <div class="forms" lang="zh">
        {forms}
      </div>
      {data.term && (
        <section class="term">
          <div class="term-head">
            <span class={`cat cat-${data.term.category}`}>
              {CATEGORY_LABEL[data.term.category] ?? data.term.category}
            </span>
            {data.term.status === 'historical' && <span class="hist">historical</span>}
          </div>
          <div class="term-en">{data.term.english}</div>
          <div class="term-src">
            {data.term.englishSource === 'official'
              ? `Official rendering${data.term.source ? `: ${data.term.source}` : ''}`
              : 'Descriptive rendering'}
          </div>
          <p class="term-ex">{data.term.explanation}</p>
        </section>
      )}
      {data.senses.length > 0 ? (
        <Senses senses={data.senses} limit={4} word={data} />
      ) : (
        !data.term && <p class="none">No dictionary entry for this word.</p>
      )}
      {data.inner.length > 0 && (
        <section class="inner">
          <div class="inner-title">Inside this word</div>
          {data.inner.slice(0, 6).map((s, i) => (
            <div class="inner-row" key={i}>
              <span lang="zh">{formsText(s)}</span> <span class="sense-py">{s.pinyin}</span>{' '}
              {s.definitions.slice(0, 2).map(readableDefinition).join('; ')}
            </div>
          ))}
        </section>
      )}
      <footer>
        <button type="button" class="save" onClick={onSave}>
          Save
        </button>
        <button
          type="button"
          class={data.known ? 'known on' : 'known'}
          aria-pressed={data.known ? 'true' : 'false'}
          title={
            data.known ? 'You marked this word known. Click to show its pinyin again.' : 'I know this word'
          }
          onClick={onKnown}
        >
          {data.known ? 'Known ✓' : 'Known'}
        </button>
        <button type="button" class="speak" onClick={onSpeak}>
          Speak
        </button>
        <button type="button" class="copy" onClick={onCopy}>
          Copy
        </button>
        <span class="status">{saved ?? (frozen ? 'Frozen · Esc closes' : 'Shift freezes')}</span>
      </footer>
    </div>
  );
}

export const HOVER_CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 360px; min-width: 220px; background: #fffdf7;
  color: #1d1d1f; border: 1px solid #d9cfb8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; padding: 10px 12px; }
.card.frozen { border-color: #b3261e; }
header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.word { font-size: 24px; font-family: "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif; }
.pinyin { font-size: 16px; color: #b3261e; }
.forms { color: #666; font-size: 13px; margin-top: 2px; }
.senses { margin: 6px 0 0; padding-left: 20px; }
.senses li { margin: 2px 0; }
.sense-py { color: #8a5a00; }
.sense-forms { color: #666; }
.variants { font-size: 12px; color: #777; }
.term { margin-top: 8px; padding: 6px 8px; background: #fbefe9; border-left: 3px solid #b3261e; border-radius: 4px; }
.term-head { display: flex; gap: 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; }
.cat { color: #b3261e; font-weight: 600; } .hist { color: #666; }
.term-en { font-weight: 600; margin-top: 2px; } .term-src { font-size: 11px; color: #666; }
.term-ex { margin: 4px 0 0; }
.inner { margin-top: 6px; font-size: 13px; color: #333; } .inner-title { font-size: 11px; color: #666; }
.none { color: #666; margin: 6px 0 0; }
footer { display: flex; gap: 6px; align-items: center; margin-top: 8px; }
button { font: inherit; font-size: 12px; padding: 2px 8px; border: 1px solid #c9bfa8; border-radius: 4px;
  background: #fff; color: #1d1d1f; cursor: pointer; }
button:hover { background: #f3ead6; }
button.known.on { background: #e4efd9; border-color: #9cbf82; }
.status { font-size: 11px; color: #666; margin-left: auto; }
`;
