import { useState } from 'preact/hooks';
import {
  TERM_CATEGORIES,
  type GlossaryAlias,
  type GlossaryEntry,
  type Term,
  type TermCategory,
} from '../../../lib/glossary/types';
import { splitList } from '../../../lib/options/format';

export type TermFields = Omit<GlossaryEntry, 'id'>;
type TypedAlias = Pick<GlossaryAlias, 'simplified'> & Partial<GlossaryAlias>;
/** Fields as typed: an alias's Traditional form and pinyin may still be missing. */
export type DraftFields = Omit<TermFields, 'aliases'> & { aliases?: TypedAlias[] };

export const CATEGORY_LABEL: Record<TermCategory, string> = {
  slogan: 'Slogans',
  policy: 'Policies',
  institution: 'Institutions',
  campaign: 'Campaigns',
  ideology: 'Ideology',
  title: 'Titles',
  event: 'Events',
  place: 'Places',
  diplomacy: 'Diplomacy',
  law: 'Laws',
};

interface Draft {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string;
  englishSource: 'official' | 'descriptive';
  source: string;
  explanation: string;
  category: TermCategory;
  status: 'current' | 'historical';
  since: string;
  related: string;
  aliases: string;
}

function draftOf(t?: Term): Draft {
  return {
    simplified: t?.simplified ?? '',
    traditional: t?.traditional ?? '',
    pinyin: t?.pinyin ?? '',
    english: t?.english ?? '',
    englishSource: t?.englishSource ?? 'descriptive',
    source: t?.source ?? '',
    explanation: t?.explanation ?? '',
    category: t?.category ?? 'policy',
    status: t?.status ?? 'current',
    since: t?.since ?? '',
    related: (t?.related ?? []).join(', '),
    aliases: (t?.aliases ?? []).map(aliasLine).join('\n'),
  };
}

/** One alias a line: `工商联 | 工商聯 | gōng shāng lián`. */
function aliasLine(a: GlossaryAlias): string {
  return [a.simplified, a.traditional, a.pinyin].join(' | ');
}

/**
 * Aliases as typed, one a line: the Simplified form, then optionally its Traditional form and its pinyin,
 * separated by `|`. What is left out is filled in on save (lib/glossary/alias.ts).
 */
export function parseAliasLines(text: string): TypedAlias[] {
  return text
    .split(/\n/)
    .map((line) => line.split('|').map((p) => p.trim()))
    .filter((parts) => parts[0])
    .map(([simplified, traditional, pinyin]) => ({
      simplified,
      ...(traditional ? { traditional } : {}),
      ...(pinyin ? { pinyin } : {}),
    }));
}

/** Fields with each alias complete (its own Traditional form and pinyin); loads pinyin-pro and OpenCC. */
export async function completeFields(fields: DraftFields): Promise<TermFields> {
  const { aliases, ...rest } = fields;
  if (!aliases) return rest;
  const { completeAlias } = await import('../../../lib/glossary/alias');
  return { ...rest, aliases: aliases.map((a) => completeAlias(a, fields)) };
}

/** Checks a draft and turns it into glossary fields; a list of problems when it cannot be saved. */
export function fieldsOf(d: Draft): DraftFields | string[] {
  const problems: string[] = [];
  const simplified = d.simplified.trim();
  if (!simplified) problems.push('The Chinese (Simplified) form is required.');
  else if (!/\p{Script=Han}/u.test(simplified))
    problems.push('The Simplified form must contain Chinese characters.');
  if (simplified.length > 50) problems.push('The Simplified form is at most 50 characters.');
  if (!d.english.trim()) problems.push('An English rendering is required.');
  const aliases = parseAliasLines(d.aliases);
  for (const a of aliases) {
    const han = [...a.simplified].filter((c) => /\p{Script=Han}/u.test(c)).length;
    if (a.pinyin && a.pinyin.split(/\s+/).length !== han)
      problems.push(`The pinyin of ${a.simplified} needs one syllable per character (${han}).`);
  }
  if (problems.length > 0) return problems;
  return {
    simplified,
    traditional: d.traditional.trim() || simplified,
    pinyin: d.pinyin.trim(),
    english: d.english.trim(),
    englishSource: d.englishSource,
    ...(d.source.trim() ? { source: d.source.trim() } : {}),
    explanation: d.explanation.trim(),
    category: d.category,
    status: d.status,
    ...(d.since.trim() ? { since: d.since.trim() } : {}),
    related: splitList(d.related),
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

export function TermForm({
  term,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  term?: Term;
  submitLabel: string;
  onSubmit(fields: TermFields): Promise<void>;
  onCancel(): void;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(term));
  const [problems, setProblems] = useState<string[]>([]);
  const set =
    (k: keyof Draft) =>
    (e: Event): void =>
      setD({ ...d, [k]: (e.currentTarget as HTMLInputElement).value });

  return (
    <form
      class="term-form"
      data-testid="term-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const out = fieldsOf(d);
        if (Array.isArray(out)) {
          setProblems(out);
          return;
        }
        setProblems([]);
        try {
          await onSubmit(await completeFields(out));
        } catch (err) {
          setProblems([err instanceof Error ? err.message : String(err)]);
        }
      }}
    >
      {problems.length > 0 && (
        <ul class="error" role="alert" data-testid="term-form-errors">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="grid2">
        <label>
          Simplified
          <input lang="zh" data-testid="term-simplified" value={d.simplified} onInput={set('simplified')} />
        </label>
        <label>
          Traditional
          <input
            lang="zh"
            data-testid="term-traditional"
            value={d.traditional}
            onInput={set('traditional')}
          />
        </label>
        <label>
          Pinyin
          <input
            data-testid="term-pinyin"
            value={d.pinyin}
            onInput={set('pinyin')}
            placeholder="gòng tóng fù yù"
          />
        </label>
        <label>
          English
          <input data-testid="term-english" value={d.english} onInput={set('english')} />
        </label>
        <label>
          English rendering is
          <select value={d.englishSource} onChange={set('englishSource')}>
            <option value="official">Official</option>
            <option value="descriptive">Descriptive</option>
          </select>
        </label>
        <label>
          Source of the rendering
          <input value={d.source} onInput={set('source')} placeholder="Xinhua" />
        </label>
        <label>
          Category
          <select data-testid="term-category" value={d.category} onChange={set('category')}>
            {TERM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={d.status} onChange={set('status')}>
            <option value="current">Current</option>
            <option value="historical">Historical</option>
          </select>
        </label>
        <label>
          In use since
          <input value={d.since} onInput={set('since')} placeholder="2012" />
        </label>
      </div>
      <label>
        Other forms, one a line: Simplified | Traditional | pinyin (the last two filled in when left out)
        <textarea
          lang="zh"
          rows={3}
          data-testid="term-aliases"
          value={d.aliases}
          onInput={set('aliases')}
          placeholder="工商联 | 工商聯 | gōng shāng lián"
        />
      </label>
      <label>
        Explanation
        <textarea
          data-testid="term-explanation"
          rows={4}
          value={d.explanation}
          onInput={set('explanation')}
        />
      </label>
      <label>
        Related terms (comma-separated)
        <input lang="zh" value={d.related} onInput={set('related')} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" data-testid="term-save">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
