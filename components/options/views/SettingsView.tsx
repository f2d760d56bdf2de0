import { useEffect, useState } from 'preact/hooks';
import { CEDICT_ATTRIBUTION, CEDICT_LICENSE_URL } from '../../../lib/dict/cedict';
import {
  DEFAULT_SETTINGS,
  PINYIN_STYLES,
  SCRIPT_TARGETS,
  type PinyinStyle,
  type ScriptTarget,
  type Settings,
} from '../../../lib/settings';
import {
  deleteUserData,
  dictStatus,
  shownDictStatus,
  type DictImportState,
} from '../../../lib/options/settings';
import { KnownWords } from './KnownWords';
import { useEnv } from '../../../lib/options/env';
import { formatBytes, formatDateTime } from '../../../lib/options/format';
import { useLiveQuery } from '../../../lib/options/use-live-query';

export const SHORTCUTS_URL = 'chrome://extensions/shortcuts';
export const FIREFOX_SHORTCUTS = 'about:addons → the gear menu → Manage Extension Shortcuts';
export const DELETE_WORD = 'DELETE';

/**
 * What these options reveal, said plainly: a page's own scripts read the text they show, pinyin included, so a page
 * that shows a list of words of its choosing learns which of them have no pinyin. Hiding pinyin without the page
 * seeing it would take a closed shadow root in every annotation (measured at 1.8–3× the drawing time).
 */
export const PAGES_SEE =
  'Pages you read can see which words have no pinyin, so a site can learn which words you know.';
export const PAGES_SEE_LEVEL =
  'Pages you read can see which words have no pinyin, so a site can guess your level.';
/** Both options were on for some users before they were told; the update turned them off once (settings v3). */
export const OFF_UNTIL_CHOSEN =
  'Off unless you turn it on. If you had it on, Dubao turned it off once when it began saying this, so that you choose knowing it.';

const STYLE_LABEL: Record<PinyinStyle, string> = {
  marks: 'Tone marks (hǎo)',
  numbers: 'Tone numbers (hao3)',
  colors: 'Tone colours (marks, coloured by tone)',
  zhuyin: 'Zhuyin (ㄏㄠˇ)',
};

const SCRIPT_LABEL: Record<ScriptTarget, string> = {
  original: 'As published',
  cn: 'Simplified',
  tw: 'Traditional (Taiwan)',
  twp: 'Traditional (Taiwan, with Taiwan phrases)',
  hk: 'Traditional (Hong Kong)',
};

export function SettingsView() {
  const env = useEnv();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [usage, setUsage] = useState<{ usage?: number; quota?: number } | null>(null);
  const stored = useLiveQuery(
    () => dictStatus(env.db),
    [env.db],
    undefined as DictImportState | null | undefined,
  );
  // A stalled import changes nothing in the database, so the clock is what tells it has stopped.
  const [now, setNow] = useState(() => Date.now());
  const importing = stored?.status === 'importing';
  useEffect(() => {
    if (!importing) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [importing]);
  const dict = stored === undefined ? undefined : shownDictStatus(stored, Math.max(now, Date.now()));

  useEffect(() => {
    let live = true;
    void env.settings.load().then((s) => live && setSettings(s.global));
    const stop = env.settings.watch((s) => setSettings(s.global));
    return () => {
      live = false;
      stop();
    };
  }, [env]);

  const refreshUsage = () =>
    env
      .estimateStorage()
      .then(setUsage)
      .catch(() => setUsage({}));
  useEffect(() => void refreshUsage(), [env]);

  const change = async (patch: Partial<Settings>) => {
    setError(null);
    if (settings) setSettings({ ...settings, ...patch });
    try {
      await env.settings.patch(patch);
    } catch (err) {
      setError(`Could not save the setting: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <div class="page settings">
      <h2>Settings</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section class="card">
        <h3>Reading</h3>
        <p class="muted">These apply on every site; the toolbar popup can change them for one site.</p>
        {settings ? <ReaderSettings settings={settings} onChange={change} /> : <p class="muted">Loading…</p>}
      </section>

      <section class="card">
        <h3>Keyboard shortcuts</h3>
        <p>
          Toggle pinyin (Alt+Shift+P), cycle the script (Alt+Shift+S) and turn Dubao on or off for a site
          (Alt+Shift+D). Change them on your browser's shortcuts page:{' '}
          <code data-testid="shortcuts-where">{env.shortcuts.where}</code>
        </p>
        {env.shortcuts.open && (
          <button type="button" data-testid="open-shortcuts" onClick={() => void env.shortcuts.open?.()}>
            Open shortcut settings
          </button>
        )}
      </section>

      <section class="card">
        <h3>Known words</h3>
        <KnownWords />
      </section>

      <section class="card" data-testid="dict-status">
        <h3>Dictionary</h3>
        <DictStatus state={dict} />
        <p class="attribution" data-testid="cedict-attribution">
          {CEDICT_ATTRIBUTION}
        </p>
        <p>
          <a href={CEDICT_LICENSE_URL} target="_blank" rel="noreferrer">
            Creative Commons Attribution-ShareAlike 4.0 licence
          </a>
        </p>
      </section>

      <section class="card">
        <h3>Your data</h3>
        <p data-testid="storage-usage">
          {usage === null
            ? 'Measuring storage…'
            : usage.usage === undefined
              ? 'This browser does not report how much storage Dubao uses.'
              : `Dubao uses ${formatBytes(usage.usage)} of storage on this computer` +
                (usage.quota ? ` (of ${formatBytes(usage.quota)} available).` : '.')}
        </p>
        <p class="muted">
          Everything stays in this browser. Export a backup from Import and export before deleting anything
          you may want back.
        </p>
        <DeleteAll
          onDelete={async () => {
            await deleteUserData(env.db);
            await env.settings.clear();
            await env.knownChanged();
            void refreshUsage();
          }}
        />
      </section>
    </div>
  );
}

function Toggle(props: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label class="setting" for={props.id}>
      <span>
        {props.label}
        {props.hint && <small>{props.hint}</small>}
      </span>
      <input
        id={props.id}
        type="checkbox"
        data-testid={props.id}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    </label>
  );
}

/** A setting chosen from a list: `labels` names each option. */
function Choice<K extends string>(props: {
  id: string;
  label: string;
  value: K;
  options: readonly K[];
  labels: Record<K, string>;
  onChange(v: K): void;
}) {
  return (
    <label class="setting" for={props.id}>
      <span>{props.label}</span>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as K)}
      >
        {props.options.map((k) => (
          <option key={k} value={k}>
            {props.labels[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A number set on a slider, its value shown beside the label (`shown`). `range` is min, max and step. */
function Slider(props: {
  id: string;
  label: string;
  shown: string;
  range: [number, number, number];
  value: number;
  onChange(v: number): void;
}) {
  const [min, max, step] = props.range;
  return (
    <label class="setting" for={props.id}>
      <span>
        {props.label} <small>{props.shown}</small>
      </span>
      <input
        id={props.id}
        data-testid={props.id}
        type="range"
        min={String(min)}
        max={String(max)}
        step={String(step)}
        value={String(props.value)}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      />
    </label>
  );
}

export function ReaderSettings({
  settings: s,
  onChange,
}: {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}) {
  return (
    <div class="settings-list">
      <Toggle
        id="settings-enabled"
        label="Dubao on web pages"
        hint="Off stops Dubao everywhere until you turn it back on."
        checked={s.enabled}
        onChange={(enabled) => onChange({ enabled })}
      />
      <Toggle
        id="settings-pinyin"
        label="Pinyin over the text"
        checked={s.pinyin}
        onChange={(pinyin) => onChange({ pinyin })}
      />
      <Choice
        id="settings-pinyin-style"
        label="Pinyin style"
        value={s.pinyinStyle}
        options={PINYIN_STYLES}
        labels={STYLE_LABEL}
        onChange={(pinyinStyle) => onChange({ pinyinStyle })}
      />
      <Slider
        id="settings-pinyin-scale"
        label="Pinyin size"
        shown={`${Math.round(s.pinyinScale * 100)}% of the text`}
        range={[0.4, 1, 0.05]}
        value={s.pinyinScale}
        onChange={(pinyinScale) => onChange({ pinyinScale })}
      />
      <Choice
        id="settings-script"
        label="Show the text in"
        value={s.script}
        options={SCRIPT_TARGETS}
        labels={SCRIPT_LABEL}
        onChange={(script) => onChange({ script })}
      />
      <Toggle
        id="settings-highlights"
        label="Highlight political terms"
        checked={s.highlights}
        onChange={(highlights) => onChange({ highlights })}
      />
      <Toggle
        id="settings-hover-card"
        label="Dictionary card on hover"
        checked={s.hoverCard}
        onChange={(hoverCard) => onChange({ hoverCard })}
      />
      <Toggle
        id="settings-pinyin-everywhere"
        label="Pinyin on menus and buttons too"
        hint="By default only prose gets pinyin: menus, buttons, headings that print their own pinyin and tight boxes keep their layout."
        checked={s.pinyinEverywhere}
        onChange={(pinyinEverywhere) => onChange({ pinyinEverywhere })}
      />
      <Toggle
        id="settings-hide-known"
        label="No pinyin over words I know"
        hint={`Words you marked with the hover card's Known button or listed below. ${PAGES_SEE} ${OFF_UNTIL_CHOSEN}`}
        checked={s.hideKnown}
        onChange={(hideKnown) => onChange({ hideKnown })}
      />
      <label class="setting" for="settings-hsk">
        <span>
          No pinyin over HSK words up to level
          <small>
            {PAGES_SEE_LEVEL} {OFF_UNTIL_CHOSEN}
          </small>
        </span>
        <select
          id="settings-hsk"
          data-testid="settings-hsk"
          value={String(s.hskHideLevel)}
          onChange={(e) => onChange({ hskHideLevel: Number(e.currentTarget.value) })}
        >
          <option value="0">None: pinyin everywhere</option>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={String(n)}>
              HSK {n}
            </option>
          ))}
        </select>
      </label>
      <Slider
        id="settings-speech-rate"
        label="Speech rate"
        shown={`${s.speechRate.toFixed(1)}×`}
        range={[0.5, 2, 0.1]}
        value={s.speechRate}
        onChange={(speechRate) => onChange({ speechRate })}
      />
      <div class="setting">
        <span />
        <button type="button" data-testid="settings-reset" onClick={() => onChange({ ...DEFAULT_SETTINGS })}>
          Restore defaults
        </button>
      </div>
    </div>
  );
}

export function DictStatus({ state }: { state: DictImportState | null | undefined }) {
  if (state === undefined) return <p class="muted">Checking…</p>;
  if (state === null)
    return (
      <p data-testid="dict-state">
        The dictionary has not been installed yet; it is imported on first start.
      </p>
    );
  const pct = state.total > 0 ? Math.floor((state.done / state.total) * 100) : 0;
  return (
    <div data-testid="dict-state" data-status={state.status}>
      {state.status === 'complete' ? (
        <p>
          CC-CEDICT {state.version}: {state.entries.toLocaleString('en')} entries, installed{' '}
          {formatDateTime(state.updated)}.
        </p>
      ) : state.status === 'importing' ? (
        <>
          <p>
            Importing CC-CEDICT {state.version} ({state.entries.toLocaleString('en')} entries): {pct}%
          </p>
          <progress max={state.total} value={state.done} aria-label="Dictionary import progress" />
        </>
      ) : (
        <p class="error">
          The dictionary import stopped at {pct}%: {state.error ?? 'unknown error'}. It resumes when the
          browser restarts Dubao.
        </p>
      )}
    </div>
  );
}

export function DeleteAll({ onDelete }: { onDelete(): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<string>('idle'); /* 'idle', 'busy', 'done' or an error message */
  return (
    <>
      <button
        type="button"
        class="danger"
        data-testid="delete-all"
        onClick={() => {
          setTyped('');
          setState('idle');
          setOpen(true);
        }}
      >
        Delete all my data
      </button>
      {state === 'done' && (
        <p class="notice" role="status" data-testid="delete-all-done">
          Your lists, words, reviews, glossary changes and settings were deleted.
        </p>
      )}
      {open && (
        <div class="dialog-backdrop">
          <div
            class="dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="delete-all-title"
            data-testid="delete-all-dialog"
          >
            <h3 id="delete-all-title">Delete all your data?</h3>
            <p>
              This deletes every list, saved word and review, your own glossary terms and changes, your
              settings, and the list of sites where Dubao starts as the page loads. The dictionary and the
              built-in glossary stay. It cannot be undone.
            </p>
            <label>
              Type {DELETE_WORD} to confirm{' '}
              <input
                data-testid="delete-all-input"
                value={typed}
                autoFocus
                onInput={(e) => setTyped(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
              />
            </label>
            {state !== 'idle' && state !== 'busy' && state !== 'done' && (
              <p class="error" role="alert">
                {state}
              </p>
            )}
            <div class="actions">
              <button
                type="button"
                class="danger"
                data-testid="delete-all-confirm"
                disabled={typed !== DELETE_WORD || state === 'busy'}
                onClick={async () => {
                  setState('busy');
                  try {
                    await onDelete();
                    setState('done');
                    setOpen(false);
                  } catch (err) {
                    setState(`Deleting failed: ${err instanceof Error ? err.message : String(err)}`);
                  }
                }}
              >
                Delete everything
              </button>
              <button type="button" data-testid="delete-all-cancel" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
