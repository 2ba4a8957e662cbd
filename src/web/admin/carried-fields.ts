// The unsaved fields a login form carries (hidden "keep.<name>" inputs, see
// views/admin/login-page.tsx) from a save whose session had ended, through the password and
// the second step, back to the "保存を続ける" page.
import type { FastifyRequest } from 'fastify';
import { CARRY_PREFIX } from '../views/admin/login-page.js';
import { formPairs } from './form-body.js';

export function carriedFields(request: FastifyRequest): [string, string][] {
  return formPairs(request)
    .filter(([name]) => name.startsWith(CARRY_PREFIX))
    .map(([name, value]): [string, string] => [name.slice(CARRY_PREFIX.length), value]);
}
