// Dictionary types shared by the engine, the protocol and the reader; the Dexie layer stores rows of its own.

/** A dictionary entry whose headword starts the looked-up text. */
export interface DictMatch {
  /** The headword as found in the text (Simplified or Traditional). */
  matched: string;
  simplified: string;
  traditional: string;
  /** Numbered, as in CEDICT: `yin2 hang2`. */
  pinyinNumbers: string;
  /** Tone marks: `yín háng`. */
  pinyin: string;
  definitions: string[];
}
