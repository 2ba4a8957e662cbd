// Accounts: the three roles and their order, login names, display names, and the acting
// user that actions record in the audit log and check permissions against.

/** Lowest first: each role may do everything the roles before it may. */
export const ROLES = ['writer', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** What a page or action requires: anyone ('public') or at least a role. */
export type Access = 'public' | Role;

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'オーナー',
  editor: '編集者',
  writer: '執筆者',
};

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  isDisabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who is acting, as actions need it for permissions and the audit log. */
export interface Actor {
  userId: number;
  login: string;
  role: Role;
  /** The client's address, for the audit log; empty from the CLI. */
  ip?: string;
}

/** A broken rule: `message` in Japanese for the page, `english` for the CLI. */
export interface Problem {
  message: string;
  english: string;
}

export const LOGIN_MAX_LENGTH = 64;
const LOGIN_PATTERN = /^[a-z0-9._-]+$/;
export const DISPLAY_NAME_MAX_LENGTH = 50;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `actual` is `required` or above it. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export function isAllowed(role: Role | undefined, access: Access): boolean {
  if (access === 'public') return true;
  return role !== undefined && hasRole(role, access);
}

/** Logins are compared as typed on a Japanese keyboard: full-width letters and capitals fold. */
export function normalizeLogin(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

export function loginProblem(login: string): Problem | undefined {
  if (login === '') return { message: 'ログイン名を入力してください。', english: 'the login is empty' };
  if (login.length > LOGIN_MAX_LENGTH) {
    return { message: `ログイン名は${LOGIN_MAX_LENGTH}文字以内にしてください。`, english: `the login is longer than ${LOGIN_MAX_LENGTH} characters` };
  }
  if (!LOGIN_PATTERN.test(login)) {
    return {
      message: 'ログイン名には半角の英小文字、数字、「.」「_」「-」だけを使えます。',
      english: 'the login may contain only a-z, 0-9, ".", "_" and "-"',
    };
  }
  return undefined;
}

/** Display names are NFKC-normalised and trimmed; an empty one means "use the login". */
export function normalizeDisplayName(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function displayNameProblem(name: string): Problem | undefined {
  if ([...name].length > DISPLAY_NAME_MAX_LENGTH) {
    return {
      message: `表示名は${DISPLAY_NAME_MAX_LENGTH}文字以内にしてください。`,
      english: `the display name is longer than ${DISPLAY_NAME_MAX_LENGTH} characters`,
    };
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) return { message: '表示名に制御文字は使えません。', english: 'the display name contains control characters' };
  return undefined;
}
