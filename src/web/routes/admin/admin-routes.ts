// Every admin route plugin, registered inside the admin context (web/admin/admin-plugin.ts)
// under the /admin prefix: a route here gets the session, CSRF and access checks. Add one
// line per new plugin; each route must declare `config: { access }`.
import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../../deps.js';
import { accountRoutes } from './account.js';
import { auditRoutes } from './audit.js';
import { autosaveRoutes } from './autosave.js';
import { dashboardRoutes } from './dashboard.js';
import { demoRoutes } from './demo.js';
import { loginRoutes } from './login.js';
import { loginSecondFactorRoutes } from './login-second-factor.js';
import { mediaFileRoutes } from './media-file.js';
import { mediaRoutes } from './media.js';
import { pageAdminRoutes } from './pages.js';
import { reportRoutes } from './reports.js';
import { reportRecordRoutes } from './reports-record.js';
import { settingsRoutes } from './settings.js';
import { twoFactorPolicyRoutes } from './two-factor-policy.js';
import { twoFactorRoutes } from './two-factor.js';
import { userRoutes } from './users.js';

export const ADMIN_ROUTE_PLUGINS: FastifyPluginAsync<{ deps: WebDeps }>[] = [
  loginRoutes,
  loginSecondFactorRoutes,
  dashboardRoutes,
  accountRoutes,
  twoFactorRoutes,
  userRoutes,
  twoFactorPolicyRoutes,
  auditRoutes,
  settingsRoutes,
  mediaRoutes,
  mediaFileRoutes,
  reportRoutes,
  reportRecordRoutes,
  pageAdminRoutes,
  demoRoutes,
  autosaveRoutes,
];
