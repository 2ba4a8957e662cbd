// Users for editing tests, inserted directly as rows (accounts have their own actions and
// tests); the password hash is never checked here.
import type { ActionContext } from '../../src/actions/runtime/context.js';
import type { Actor, Role } from '../../src/domain/user.js';

export async function addAuthor(ctx: ActionContext, role: Role, login: string = `${role}${Math.random().toString(36).slice(2, 8)}`): Promise<Actor> {
  const nowIso = ctx.now().toISOString();
  const row = await ctx.db
    .insertInto('users')
    .values({ login, display_name: `${login}さん`, password_hash: 'not-a-hash', role, created_at: nowIso, updated_at: nowIso })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, role, login };
}

export interface Team {
  owner: Actor;
  editor: Actor;
  writer: Actor;
  otherWriter: Actor;
}

/** A legislator's office: the legislator, a chief secretary and two staff. */
export async function addTeam(ctx: ActionContext): Promise<Team> {
  return {
    owner: await addAuthor(ctx, 'owner', 'owner'),
    editor: await addAuthor(ctx, 'editor', 'editor'),
    writer: await addAuthor(ctx, 'writer', 'writer'),
    otherWriter: await addAuthor(ctx, 'writer', 'writer2'),
  };
}
