// Reading a backup file: JSON, then the schema, then the references between its rows. Touches no database.
import * as v from 'valibot';
import { BACKUP_FORMAT, BackupSchema, type BackupIssue, type BackupParse } from './backup-schema';
import { jsonError } from './json-error';

function pathOf(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? [])
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

export type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Ids that repeat and references to rows the backup lacks; reads raw data so it runs beside the schema. */
export function consistencyIssues(data: Raw): BackupIssue[] {
  const issues: BackupIssue[] = [];
  const rows = (key: string) =>
    (Array.isArray(data[key]) ? (data[key] as unknown[]) : []).map((r) => (isObject(r) ? r : {}));
  const uniqueIds = (key: string, field: string): Set<number> => {
    const seen = new Map<number, number>();
    rows(key).forEach((row, i) => {
      const value = row[field];
      if (typeof value !== 'number') return;
      const first = seen.get(value);
      if (first !== undefined) {
        issues.push({
          path: `${key}[${i}].${field}`,
          message: `Duplicate ${field} ${value} (also ${key}[${first}])`,
        });
      } else seen.set(value, i);
    });
    return new Set(seen.keys());
  };
  const listIds = uniqueIds('lists', 'id');
  const entryIds = uniqueIds('entries', 'id');
  uniqueIds('reviews', 'entryId');
  rows('entries').forEach((row, i) => {
    if (typeof row.listId === 'number' && !listIds.has(row.listId))
      issues.push({ path: `entries[${i}].listId`, message: `No list with id ${row.listId} in the backup` });
  });
  rows('reviews').forEach((row, i) => {
    if (typeof row.entryId === 'number' && !entryIds.has(row.entryId))
      issues.push({
        path: `reviews[${i}].entryId`,
        message: `No entry with id ${row.entryId} in the backup`,
      });
  });
  return issues;
}

/** Reads and checks a backup file. Pure: whatever the input, the database is not touched. */
export function parseBackup(text: string): BackupParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    return { backup: null, errors: [jsonError(body, err)] };
  }
  if (!isObject(data))
    return { backup: null, errors: [{ path: '', message: 'Not a Dubao backup: expected a JSON object' }] };
  if (data.format !== BACKUP_FORMAT) {
    const message =
      data.format === 'dubao-terms'
        ? 'This is a glossary export, not a backup: import it in the glossary'
        : `Not a Dubao backup: format is ${JSON.stringify(data.format) ?? 'missing'}, expected "${BACKUP_FORMAT}"`;
    return { backup: null, errors: [{ path: 'format', message }] };
  }
  if (typeof data.version === 'number' && data.version > 1) {
    return {
      backup: null,
      errors: [
        {
          path: 'version',
          message: `Made by a newer Dubao (backup version ${data.version}); update Dubao first`,
        },
      ],
    };
  }
  const parsed = v.safeParse(BackupSchema, data);
  const errors: BackupIssue[] = parsed.success
    ? []
    : parsed.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
  errors.push(...consistencyIssues(data));
  if (errors.length > 0 || !parsed.success) return { backup: null, errors };
  return { backup: parsed.output, errors };
}
