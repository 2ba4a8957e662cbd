// The search's kind-of-activity filter (issue 16, `?activity=`): one of the site's kinds, or a
// refusal with a message at the field, for the search page and the API alike.
import { readActivityKinds } from '../../actions/records/read-activity-record.js';
import type { ActionContext } from '../../actions/runtime/context.js';
import { ValidationError } from '../../domain/errors.js';
import { UNKNOWN_ACTIVITY_MESSAGE } from './search-filters.js';

/**
 * The site's kinds (the form's choices).
 * @throws ValidationError when `activity` is given and is not one of them
 */
export async function checkActivityFilter(ctx: Pick<ActionContext, 'db'>, activity: string | undefined): Promise<string[]> {
  const kinds = await readActivityKinds(ctx);
  if (activity !== undefined && !kinds.includes(activity)) throw new ValidationError('unknown activity kind', { activity: UNKNOWN_ACTIVITY_MESSAGE });
  return kinds;
}
