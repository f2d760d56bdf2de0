import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../../lib/reader/selection';

describe('the sentence around a saved word', () => {
  it('is cut at the sentence ends on either side, with the word’s offset in it', () => {
    const text = '今天天气很好。他去银行取钱！然后回家。';
    expect(sentenceAround(text, text.indexOf('银行'), 2)).toEqual({ sentence: '他去银行取钱！', offset: 2 });
  });

  it('is the whole text when it has no sentence end', () => {
    expect(sentenceAround('他去银行取钱', 2, 2)).toEqual({ sentence: '他去银行取钱', offset: 2 });
  });
});
