// The static export's view of what is public now, to compare with what it last built
// (exporter/build-site.ts decides from it which pages to render again).
import { readBuildState as readState, type BuildState } from '../../store/build-state.js';
import type { ActionContext } from '../runtime/context.js';

export type { BuildState, ReportBuildState } from '../../store/build-state.js';

export function readBuildState(ctx: ActionContext): Promise<BuildState> {
  return readState(ctx.db);
}
