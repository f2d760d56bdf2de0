import * as v from 'valibot';

export const PINYIN_STYLES = ['marks', 'numbers', 'colors', 'zhuyin'] as const;
export type PinyinStyle = (typeof PINYIN_STYLES)[number];

/** `original` leaves the page's script; the others are OpenCC targets (twp/hk with regional phrases). */
export const SCRIPT_TARGETS = ['original', 'cn', 'tw', 'twp', 'hk'] as const;
export type ScriptTarget = (typeof SCRIPT_TARGETS)[number];

export interface Settings {
  /** Dubao runs on the page at all. */
  enabled: boolean;
  pinyin: boolean;
  pinyinStyle: PinyinStyle;
  script: ScriptTarget;
  /** Highlight glossary terms. */
  highlights: boolean;
  /**
   * No pinyin over words the user has marked known. Off by default: a page can read which words lose their
   * pinyin, so it would learn the user's known words (DESIGN.md "What a page can read").
   */
  hideKnown: boolean;
  /** No pinyin over words of this HSK level and below; 0 shows pinyin everywhere. Off by default, as hideKnown. */
  hskHideLevel: number;
  hoverCard: boolean;
  /** Text-to-speech rate, 0.5–2. */
  speechRate: number;
  /** Ruby size relative to the text, 0.4–1. */
  pinyinScale: number;
  /**
   * Pinyin on menus, navigation bars, buttons, headings that print their own romanisation and tight fixed-size
   * boxes too; by default only prose gets it, so nothing the page lays out is pushed out of its box.
   */
  pinyinEverywhere: boolean;
}

export type SettingKey = keyof Settings;
/** What a site changes relative to the global settings; a missing key inherits. */
export type SiteOverride = Partial<Settings>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  pinyin: true,
  pinyinStyle: 'marks',
  script: 'original',
  highlights: true,
  hideKnown: false,
  hskHideLevel: 0,
  hoverCard: true,
  speechRate: 1,
  pinyinScale: 0.6,
  pinyinEverywhere: false,
});

// One schema per setting, so a whole object and a single patched key are validated the same way.
const FIELD: { [K in SettingKey]: v.GenericSchema<Settings[K]> } = {
  enabled: v.boolean(),
  pinyin: v.boolean(),
  pinyinStyle: v.picklist(PINYIN_STYLES),
  script: v.picklist(SCRIPT_TARGETS),
  highlights: v.boolean(),
  hideKnown: v.boolean(),
  hskHideLevel: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  hoverCard: v.boolean(),
  speechRate: v.pipe(v.number(), v.minValue(0.5), v.maxValue(2)),
  pinyinScale: v.pipe(v.number(), v.minValue(0.4), v.maxValue(1)),
  pinyinEverywhere: v.boolean(),
};

const KEYS = Object.keys(FIELD) as SettingKey[];

/**
 * Stored or imported settings: unknown keys are dropped, missing or bad values fall back to the default,
 * and anything that is not an object gives the defaults.
 */
export const SettingsSchema = v.fallback(
  v.object({
    enabled: withDefault('enabled'),
    pinyin: withDefault('pinyin'),
    pinyinStyle: withDefault('pinyinStyle'),
    script: withDefault('script'),
    highlights: withDefault('highlights'),
    hideKnown: withDefault('hideKnown'),
    hskHideLevel: withDefault('hskHideLevel'),
    hoverCard: withDefault('hoverCard'),
    speechRate: withDefault('speechRate'),
    pinyinScale: withDefault('pinyinScale'),
    pinyinEverywhere: withDefault('pinyinEverywhere'),
  }),
  () => ({ ...DEFAULT_SETTINGS }),
);

function withDefault<K extends SettingKey>(key: K) {
  const d = DEFAULT_SETTINGS[key];
  const field: v.GenericSchema<Settings[K]> = FIELD[key];
  return v.fallback(v.optional(field, d), d);
}

/** A site override or a patch: only known keys with valid values; bad ones are dropped, not defaulted. */
export const SettingsPatchSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((raw) => {
    const out: Record<string, unknown> = {};
    for (const k of KEYS) if (k in raw && v.is(FIELD[k], raw[k])) out[k] = raw[k];
    return out;
  }),
);

export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw);
}

export function parseSiteOverride(raw: unknown): SiteOverride {
  const r = v.safeParse(SettingsPatchSchema, raw);
  return r.success ? r.output : {};
}

/** What applies on a page: the global settings with the site's overrides on top. */
export function resolveSettings(global: Settings, site?: SiteOverride | null): Settings {
  if (!site) return { ...global };
  const out = { ...global };
  for (const k of KEYS) if (site[k] !== undefined) (out as Record<SettingKey, unknown>)[k] = site[k];
  return out;
}

/** Everything persisted: global settings and per-site overrides keyed by `siteKey`. */
export interface StoredSettings {
  global: Settings;
  sites: Record<string, SiteOverride>;
}

export function parseStoredSettings(raw: unknown): StoredSettings {
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as { global?: unknown; sites?: unknown };
  const sites: Record<string, SiteOverride> = {};
  if (typeof obj.sites === 'object' && obj.sites !== null) {
    for (const [host, o] of Object.entries(obj.sites)) {
      const key = siteKey(host);
      const override = parseSiteOverride(o);
      if (key && Object.keys(override).length > 0) sites[key] = override;
    }
  }
  return { global: parseSettings(obj.global), sites };
}

/** The pinyin size every install had by default before issue 15 (0.5 of the text: 8 px over 16 px, hard to read). */
export const OLD_DEFAULT_PINYIN_SCALE = 0.5;

/**
 * Stored settings, version 1 → 2: a global pinyin size of 0.5, the old default, becomes the new default. Whoever
 * saved any setting before stored the whole global object, old default included, and would have kept the old
 * size for good. Run once (the storage item's version says it ran); a size chosen after it stays. A site's own
 * size is the user's choice (a site override equal to the global value is never stored) and is left alone.
 */
export function migrateStoredSettingsV2(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const obj = raw as { global?: unknown };
  const global = obj.global;
  if (typeof global !== 'object' || global === null) return raw;
  if ((global as { pinyinScale?: unknown }).pinyinScale !== OLD_DEFAULT_PINYIN_SCALE) return raw;
  return { ...obj, global: { ...global, pinyinScale: DEFAULT_SETTINGS.pinyinScale } };
}

/** The settings a page can learn from what is drawn: which words lose their pinyin (see `hideKnown`). */
const REVEALING: readonly SettingKey[] = ['hideKnown', 'hskHideLevel'];

/**
 * Stored settings, version 2 → 3: hiding pinyin over known words (on by default until now) and over an HSK level
 * are turned off once, globally and on every site. A page can read which words lose their pinyin, and nobody who
 * had them on was told so when they chose (the options page says it now, and why they were turned off); whoever
 * turns them on after this keeps them on. Every other setting stays as it was.
 */
export function migrateStoredSettingsV3(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const obj = raw as { global?: unknown; sites?: unknown };
  const out: Record<string, unknown> = { ...obj };
  if (typeof obj.global === 'object' && obj.global !== null)
    out.global = { ...obj.global, hideKnown: false, hskHideLevel: 0 };
  if (typeof obj.sites === 'object' && obj.sites !== null) {
    // A site's own value of either is now either the global one (off) or a choice made without being told.
    const sites: Record<string, unknown> = {};
    for (const [host, o] of Object.entries(obj.sites as Record<string, unknown>)) {
      if (typeof o !== 'object' || o === null) {
        sites[host] = o;
        continue;
      }
      const rest = Object.fromEntries(
        Object.entries(o).filter(([k]) => !REVEALING.includes(k as SettingKey)),
      );
      if (Object.keys(rest).length > 0) sites[host] = rest;
    }
    out.sites = sites;
  }
  return out;
}

/** `https://WWW.People.com.cn/x` or `www.people.com.cn` → `people.com.cn`; '' when there is no host. */
export function siteKey(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

export function settingsForHost(stored: StoredSettings, host: string): Settings {
  return resolveSettings(stored.global, stored.sites[siteKey(host)]);
}

/**
 * Applies a validated patch. A site patch whose value equals the global one removes that override, so the site
 * follows later global changes; a `null` value in a site patch removes it too.
 */
export function applySettingsPatch(
  stored: StoredSettings,
  scope: 'global' | 'site',
  patch: unknown,
  host?: string,
): StoredSettings {
  const raw = (typeof patch === 'object' && patch !== null ? patch : {}) as Record<string, unknown>;
  const valid = parseSiteOverride(raw);
  if (scope === 'global') return { ...stored, global: { ...stored.global, ...valid } };
  const key = siteKey(host ?? '');
  if (!key) return stored;
  const next: SiteOverride = { ...stored.sites[key] };
  for (const k of KEYS) {
    if (raw[k] === null || (k in valid && valid[k] === stored.global[k])) delete next[k];
    else if (k in valid) (next as Record<SettingKey, unknown>)[k] = valid[k];
  }
  const sites = { ...stored.sites };
  if (Object.keys(next).length > 0) sites[key] = next;
  else delete sites[key];
  return { ...stored, sites };
}

/** Whether Dubao went from off to on for the page at this URL (globally or for its site alone) between two stores. */
export function siteTurnedOn(before: StoredSettings, after: StoredSettings, url: string): boolean {
  const host = siteKey(url);
  return !settingsForHost(before, host).enabled && settingsForHost(after, host).enabled;
}
