/** The view the reader builds for one run and render.ts draws. */
export interface ViewToken {
  /** Range in the ORIGINAL run text. */
  start: number;
  end: number;
  /** Text to show; may be converted, and then its length can differ (项目 → 專案). */
  display: string;
  /** One annotation per code point of `display` (null = none); absent = no ruby for this token. */
  ruby?: (string | null)[];
  /** Per code point of `display`: 0 none, 1–5 tone, for tone colours. */
  tones?: number[];
  word?: boolean;
  termId?: string;
  termCategory?: string;
}

/** Tokens cover the run text exactly, in order. */
export interface RunView {
  tokens: ViewToken[];
  /** How annotations are styled: 'colors' colours them by tone. */
  style?: string;
}

/** A run's view as the engine builds it and the protocol carries it: tokens plus the glossary terms found. */
export interface BuiltView extends RunView {
  /** Glossary matches in the original text, for highlighting without ruby. */
  termSpans: { start: number; end: number; termId: string; category: string }[];
}
