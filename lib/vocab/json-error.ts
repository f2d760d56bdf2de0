// Where a JSON text stops being JSON, said as a person would look for it (line, column), for import errors.
import type { BackupIssue } from './backup-schema';

export function jsonError(text: string, err: unknown): BackupIssue {
  const detail = err instanceof Error ? err.message : String(err);
  const position = Math.min(jsonErrorOffset(text), text.length);
  const before = text.slice(0, position).split('\n');
  const where = `line ${before.length}, column ${before[before.length - 1].length + 1} (position ${position})`;
  const endsEarly = position >= text.trimEnd().length;
  return {
    path: '',
    message: endsEarly
      ? `Not valid JSON, ends early at ${where}: ${detail}`
      : `Not valid JSON at ${where}: ${detail}`,
  };
}

const JSON_ATOM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where JSON.parse gave up: Node's message names the position for some faults only, so the text is walked
 * again (only after a failure) to find the first offending character.
 */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const expect = (c: string) => {
    ws();
    if (s[i] !== c) fail();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= s.length || s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '"') return void i++;
      if (s[i] === '\\') {
        JSON_ESCAPE.lastIndex = i;
        if (!JSON_ESCAPE.test(s)) fail();
        i = JSON_ESCAPE.lastIndex;
      } else i++;
    }
  };
  const items = (close: string, item: () => void) => {
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (s[i] === ',') i++;
      else return expect(close);
    }
  };
  const value = (): void => {
    ws();
    if (s[i] === '{') {
      i++;
      return items('}', () => {
        string();
        expect(':');
        value();
      });
    }
    if (s[i] === '[') {
      i++;
      return items(']', value);
    }
    if (s[i] === '"') return string();
    JSON_ATOM.lastIndex = i;
    if (!JSON_ATOM.test(s)) fail();
    i = JSON_ATOM.lastIndex;
  };
  try {
    value();
    ws();
    return i < s.length ? i : -1;
  } catch (e) {
    if (e instanceof RangeError && /^\d+$/.test(e.message)) return Number(e.message);
    // Nesting too deep to walk: at least point at the start.
    return 0;
  }
}
