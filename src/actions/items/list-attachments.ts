// The attachments a report or fixed page lists, in their order, with each use's label,
// summary and alt text: the edit page's panel and the attachment forms' checks.
import type { ItemRef } from '../../domain/item-ref.js';
import type { Attachment } from '../../domain/report.js';
import { listItemAttachments } from '../../store/media.js';
import type { ActionContext } from '../runtime/context.js';

export function listAttachments(ctx: Pick<ActionContext, 'db'>, item: ItemRef): Promise<Attachment[]> {
  return listItemAttachments(ctx.db, item);
}
