import type { JSX } from 'preact';

export type PinyinStyle = 'marks' | 'numbers' | 'colors' | 'zhuyin';
export type ScriptChoice = 'original' | 'cn' | 'tw' | 'twp' | 'hk';

export interface PopupSettings {
  enabled: boolean;
  pinyin: boolean;
  pinyinStyle: PinyinStyle;
  script: ScriptChoice;
  highlights: boolean;
}

export interface PageStats {
  chinese: boolean;
  script: 'simplified' | 'traditional' | null;
  hanChars: number;
  blocks: number;
  terms?: number;
  active?: boolean;
}

export interface PopupPanelProps {
  host: string | null;
  stats: PageStats | null;
  settings: PopupSettings;
  dueCount?: number;
  /** What "Read this page" found, once pressed. */
  readResult?: string;
  onChange(patch: Partial<PopupSettings>): void;
  onOpenOptions(): void;
  /** Asks for the reader in this tab whatever the detector decided; absent where there is no tab to read. */
  onReadPage?(): void;
}

const SCRIPT_LABEL: Record<ScriptChoice, string> = {
  original: 'As published',
  cn: 'Simplified',
  tw: 'Traditional (Taiwan)',
  twp: 'Traditional (Taiwan, phrases)',
  hk: 'Traditional (Hong Kong)',
};

const STYLE_LABEL: Record<PinyinStyle, string> = {
  marks: 'Tone marks (hǎo)',
  numbers: 'Tone numbers (hao3)',
  colors: 'Tone colours',
  zhuyin: 'Zhuyin (ㄏㄠˇ)',
};

function describe(stats: PageStats | null): string {
  // The detector reports only pages with Chinese prose; no report is the same answer.
  if (!stats) return 'No Chinese prose found on this page.';
  if (!stats.chinese) return 'No Chinese prose found on this page.';
  const script =
    stats.script === 'traditional' ? 'Traditional' : stats.script === 'simplified' ? 'Simplified' : 'Chinese';
  const terms = stats.terms != null ? `, ${stats.terms} political terms` : '';
  return `${script} Chinese: ${stats.hanChars.toLocaleString('en')} characters in ${stats.blocks} blocks${terms}.`;
}

function Toggle(props: {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label class="row" for={props.id}>
      <span>{props.label}</span>
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    </label>
  );
}

export function PopupPanel({
  host,
  stats,
  settings,
  dueCount,
  readResult,
  onChange,
  onOpenOptions,
  onReadPage,
}: PopupPanelProps): JSX.Element {
  const off = !settings.enabled;
  return (
    <main class="popup">
      <h1>
        Dubao <span lang="zh">读报</span>
      </h1>
      <p class="stats" data-testid="stats">
        {describe(stats)}
      </p>
      {onReadPage && !stats?.active && (
        // The detector may have said no (text it did not take for prose, content that came late): read it anyway.
        <p class="read">
          <button type="button" data-testid="read-page" onClick={onReadPage}>
            Read this page
          </button>
          {readResult && <span data-testid="read-result">{readResult}</span>}
        </p>
      )}
      <Toggle
        id="site"
        label={host ? `On for ${host}` : 'On for this site'}
        checked={settings.enabled}
        onChange={(v) => onChange({ enabled: v })}
      />
      <Toggle
        id="pinyin"
        label="Pinyin over the text"
        checked={settings.pinyin}
        disabled={off}
        onChange={(v) => onChange({ pinyin: v })}
      />
      <label class="row" for="style">
        <span>Pinyin style</span>
        <select
          id="style"
          disabled={off}
          value={settings.pinyinStyle}
          onChange={(e) => onChange({ pinyinStyle: e.currentTarget.value as PinyinStyle })}
        >
          {(Object.keys(STYLE_LABEL) as PinyinStyle[]).map((k) => (
            <option value={k} key={k}>
              {STYLE_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label class="row" for="script">
        <span>Script</span>
        <select
          id="script"
          disabled={off}
          value={settings.script}
          onChange={(e) => onChange({ script: e.currentTarget.value as ScriptChoice })}
        >
          {(Object.keys(SCRIPT_LABEL) as ScriptChoice[]).map((k) => (
            <option value={k} key={k}>
              {SCRIPT_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <Toggle
        id="highlights"
        label="Highlight political terms"
        checked={settings.highlights}
        disabled={off}
        onChange={(v) => onChange({ highlights: v })}
      />
      <footer>
        {dueCount != null && <span class="due">{dueCount} words due for review</span>}
        <button type="button" onClick={onOpenOptions}>
          Vocabulary, glossary and settings
        </button>
      </footer>
    </main>
  );
}
