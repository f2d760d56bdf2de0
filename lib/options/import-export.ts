// The import and export view's data: the only options module it reads or writes the database through.
export { getLists } from '../db';
export { loadExportItems } from '../vocab/export-items';
export { applyBackup, exportBackup, importRows, parseBackup, type BackupParse } from '../vocab/backup';
