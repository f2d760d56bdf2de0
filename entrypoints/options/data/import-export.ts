// The import and export view's data: the only options module it reads or writes the database through.
export { getLists } from '../../../lib/db';
export { loadExportItems } from '../../../lib/vocab/export-items';
export {
  applyBackup,
  exportBackup,
  importRows,
  parseBackup,
  type BackupParse,
} from '../../../lib/vocab/backup';
