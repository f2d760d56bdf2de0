/**
 * Corrections on top of pinyin-pro for polyphones it reads wrongly, found by scoring on the CPP development
 * split (`tools/score-pinyin.ts`). Phrases: Simplified word → one marked syllable per Han character.
 */
export const POLYPHONE_PHRASES: Record<string, string> = {
  // Adverbs with 地: the particle de, not dì (土地 and 地方 are read by pinyin-pro already).
  慢慢地: 'màn màn de',
  渐渐地: 'jiàn jiàn de',
  悄悄地: 'qiāo qiāo de',
  静静地: 'jìng jìng de',
  默默地: 'mò mò de',
  轻轻地: 'qīng qīng de',
  紧紧地: 'jǐn jǐn de',
  好好地: 'hǎo hǎo de',
  深深地: 'shēn shēn de',
  缓缓地: 'huǎn huǎn de',
  远远地: 'yuǎn yuǎn de',
  早早地: 'zǎo zǎo de',
  稳稳地: 'wěn wěn de',
  牢牢地: 'láo láo de',
  不断地: 'bù duàn de',
  积极地: 'jī jí de',
  认真地: 'rèn zhēn de',
  努力地: 'nǔ lì de',
  逐步地: 'zhú bù de',
  有效地: 'yǒu xiào de',
  主动地: 'zhǔ dòng de',
  全面地: 'quán miàn de',
  深入地: 'shēn rù de',
  扎实地: 'zhā shi de',
  切实地: 'qiè shí de',
  充分地: 'chōng fèn de',
  彻底地: 'chè dǐ de',
  坚定地: 'jiān dìng de',
  高度地: 'gāo dù de',
  // (得 as "must", děi, is read by grammar over the segmenter's words: lib/text/pinyin-grammar.ts. Matched here as
  // strings, 就得 and 还得 crossed words: 就得到了, 还得了奖, 总得分, 过得去.)
  // Readings the reader meets in the press and pinyin-pro gets wrong.
  率先: 'shuài xiān',
  朝代: 'cháo dài',
  银行: 'yín háng',
  长大: 'zhǎng dà',
};
