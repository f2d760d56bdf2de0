import type { ParseReport } from '../../../lib/vocab/formats';
import { plural } from '../../../lib/options/format';

/**
 * What a parsed CSV or Pleco file holds: every rejected line with its reason, and one button to import the rest.
 * Nothing is written before that button is pressed.
 */
export function ImportReport({
  report,
  format,
  busy = false,
  onConfirm,
  onCancel,
}: {
  report: ParseReport;
  format: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { rows, errors } = report;
  const unreadable = rows.length === 0;
  return (
    <div class="import-report" data-testid="import-report">
      {unreadable ? (
        <p class="error" role="alert" data-testid="import-malformed">
          No words could be read from this file as {format}.{' '}
          {errors.length > 0 ? 'The problems found:' : 'It is empty.'}
        </p>
      ) : (
        <p>
          {plural(rows.length, 'valid row')} ready to import
          {errors.length > 0 ? `; ${plural(errors.length, 'line')} will be skipped:` : '.'}
        </p>
      )}
      {errors.length > 0 && (
        <ul class="row-errors" data-testid="import-errors">
          {errors.map((e, i) => (
            <li key={i} data-testid="import-error">
              <span class="line">Line {e.line}:</span> {e.message}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="import-confirm"
          disabled={unreadable || busy}
          onClick={onConfirm}
        >
          Import {plural(rows.length, 'valid row')}
        </button>
        <button type="button" data-testid="import-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
