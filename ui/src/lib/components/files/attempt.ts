/**
 * Runs a UI action that may fail (a file dialog, an import) and gives back
 * the failure's message for the screen to show, or `null` when it worked.
 */
import { ApiError } from '../../api';

export async function attempt(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (e) {
    return ApiError.from(e).message;
  }
}
