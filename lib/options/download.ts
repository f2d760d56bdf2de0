import { decodeImportBytes, fileTooLarge, type DecodedFile, type ImportKind } from '../vocab/import-file';

/** Saves text as a file through the browser's download, without any permission. */
export function downloadText(text: string, filename: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function dateStamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The file's text in the encoding it was written in (see decodeImportBytes), after a size check. */
export async function readImportFile(file: File, kind: ImportKind): Promise<DecodedFile> {
  const tooLarge = fileTooLarge(file.name, file.size, kind);
  if (tooLarge) throw new Error(tooLarge);
  const buffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(r.result as ArrayBuffer);
          r.onerror = () => reject(r.error ?? new Error('The file could not be read'));
          r.readAsArrayBuffer(file);
        });
  return decodeImportBytes(new Uint8Array(buffer));
}
