/** The browser refused to store more data. The UI shows `message` and may offer to free space. */
export class QuotaExceededError extends Error {
  override name = 'QuotaExceededError' as const;
  constructor(
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Not enough storage space to ${operation}. Free some disk space or delete data you no longer need.`,
      options,
    );
  }
}

// Dexie wraps the DOMException (name QuotaExceededError) in its own error, sometimes with the original as `inner`;
// an aborted transaction may carry it deeper still.
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs a write and turns a storage quota failure into `QuotaExceededError`; other errors pass through. */
export async function guardQuota<T>(operation: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof QuotaExceededError) throw err;
    if (isQuotaError(err)) throw new QuotaExceededError(operation, { cause: err });
    throw err;
  }
}
