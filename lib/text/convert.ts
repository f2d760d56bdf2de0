/**
 * Script conversion with OpenCC (opencc-js). The phrase tables are large and take ~100 ms to build, so each
 * converter is built on first use and cached; nothing here runs at import time.
 *
 * Targets and the OpenCC configurations they match (tested against OpenCC's own test cases):
 *   cn   Traditional → Simplified (mainland)      t2s, hk2s; with source 'tw': tw2s
 *   tw   Simplified → Traditional, Taiwan chars    s2tw
 *   twp  the same with Taiwan phrases (项目→專案)  s2twp
 *   hk   Simplified → Traditional, Hong Kong       s2hk
 *   t    Simplified → OpenCC standard Traditional  s2t
 * `twp` changes text length: never assume offsets survive a conversion.
 */
import { ConverterBuilder, ConverterFactory, type DictLike } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset';

export type ScriptTarget = 'cn' | 'tw' | 'twp' | 'hk';
/** Where Traditional text comes from, for conversion to 'cn'. 'any' reads OpenCC standard and Hong Kong forms. */
export type TraditionalSource = 'any' | 'tw';

export type Converter = (text: string) => string;

/**
 * OpenCC's TSCharactersExt entries that opencc-js leaves out (it avoids characters many fonts lack). OpenCC
 * itself makes these conversions, and its test cases expect them.
 */
const TS_EXTENSION: DictLike = [
  ['殢', '𣨼'],
  ['圞', '𪢮'],
  ['樠', '𣗊'],
];

const cache = new Map<string, Converter>();
let builder: ReturnType<typeof ConverterBuilder> | null = null;
const preset = (options: { from: string; to: string }): Converter =>
  (builder ??= ConverterBuilder(Locale))(options);
const chain =
  (...steps: Converter[]): Converter =>
  (text) =>
    steps.reduce((t, step) => step(t), text);

function build(key: string): Converter {
  switch (key) {
    case 'cn:any':
      // Hong Kong variant forms back to OpenCC standard first; Taiwan's are not folded here because they
      // disagree with standard text on characters such as 著 (着 in Taiwan usage, 著 elsewhere).
      return ConverterFactory(Locale.from.hk, Locale.to.cn, [[TS_EXTENSION]]);
    case 'cn:tw':
      return chain(preset({ from: 'tw', to: 'cn' }), ConverterFactory([TS_EXTENSION]));
    // The preset builder applies OpenCC's own configurations (segmentation included), which the phrase
    // converters need to match OpenCC exactly.
    case 'tw':
      return preset({ from: 'cn', to: 'tw' });
    case 'twp':
      return preset({ from: 'cn', to: 'twp' });
    case 'hk':
      return preset({ from: 'cn', to: 'hk' });
    case 't':
      return preset({ from: 'cn', to: 't' });
    default:
      throw new Error(`unknown conversion target: ${key}`);
  }
}

/** A cached converter to `target`. For 'cn', `source` says which Traditional conventions the text follows. */
export function getConverter(target: ScriptTarget | 't', source: TraditionalSource = 'any'): Converter {
  const key = target === 'cn' ? `cn:${source}` : target;
  let converter = cache.get(key);
  if (!converter) {
    converter = build(key);
    cache.set(key, converter);
  }
  return converter;
}

export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['cn', 'tw', 'twp', 'hk'];

export function isScriptTarget(value: string): value is ScriptTarget {
  return (SCRIPT_TARGETS as readonly string[]).includes(value);
}
