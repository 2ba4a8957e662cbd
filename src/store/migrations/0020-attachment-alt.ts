// Alt text per use (issue 12 item 3): the same photo listed under two reports gets each report's
// own description in attachments.alt_text (NULL: none yet, the media record's default alt text
// is shown meanwhile). Only the first use of each media record (lowest rowid, the oldest
// attachment) takes over that default, as it is the use it was typed for; the later uses start
// empty, so the editor asks for their own words instead of repeating another report's.
import { sql, type Kysely, type Migration } from 'kysely';

export const migration0020: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('attachments').addColumn('alt_text', 'text').execute();
    await sql`update attachments
      set alt_text = (select media.alt_text from media where media.id = attachments.media_id)
      where rowid = (select min(first.rowid) from attachments as first where first.media_id = attachments.media_id)
        and (select media.alt_text from media where media.id = attachments.media_id) <> ''`.execute(db);
  },
};
