// Every account, owners first, then editors and writers, each by login: the users page and
// the admin report list's author filter.
import type { User } from '../../domain/user.js';
import { listUsers as listStoredUsers } from '../../store/users.js';
import type { ActionContext } from '../runtime/context.js';

export function listUsers(ctx: Pick<ActionContext, 'db'>): Promise<User[]> {
  return listStoredUsers(ctx.db);
}
