// Issue 16. Activity records: one per report (activity_records) with its spans, participants,
// outcomes, affiliations (organisations and countries) and related documents in tables of
// their own, so that "every meeting with this person" is an indexed query and not a scan of
// JSON. Rows go with their report (cascade). Plain schema builder: both dialects accept it.
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

type TableBuilder = CreateTableBuilder<string, string>;

/** A table of one record's list: (report_id, position) is the key; the rest is added by `columns`. */
async function createListTable(db: Kysely<any>, name: string, columns: (t: TableBuilder) => TableBuilder): Promise<void> {
  await columns(
    db.schema
      .createTable(name)
      .addColumn('report_id', 'integer', (c) => c.notNull().references('activity_records.report_id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint(`${name}_pk`, ['report_id', 'position'])
    .execute();
}

export const migration0026: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('activity_records')
      .addColumn('report_id', 'integer', (c) => c.primaryKey().references('reports.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      // YYYY-MM-DD, a calendar day in Japan.
      .addColumn('activity_date', 'text')
      .addColumn('place', 'text')
      // 0: proposed by the extractor (an import, or not yet looked at); 1: confirmed by staff.
      .addColumn('is_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('activity_records_kind').on('activity_records').columns(['kind', 'activity_date']).execute();
    // Wall-clock HH:MM in Japan on the record's day; end_time null when only the start is known.
    await createListTable(db, 'activity_spans', (t) =>
      t
        .addColumn('label', 'text')
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('end_time', 'text'),
    );
    await createListTable(db, 'activity_participants', (t) =>
      t
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('side', 'text')
        .addColumn('organisation', 'text')
        .addColumn('country', 'text')
        .addColumn('is_legislator', 'integer', (c) => c.notNull().defaultTo(0)),
    );
    await db.schema.createIndex('activity_participants_name').on('activity_participants').columns(['name', 'report_id']).execute();
    await createListTable(db, 'activity_outcomes', (t) => t.addColumn('sentence', 'text', (c) => c.notNull()));
    // kind: 'organisation' | 'country'
    await createListTable(db, 'activity_affiliations', (t) => t.addColumn('kind', 'text', (c) => c.notNull()).addColumn('name', 'text', (c) => c.notNull()));
    await createListTable(db, 'activity_documents', (t) => t.addColumn('title', 'text', (c) => c.notNull()).addColumn('url', 'text', (c) => c.notNull()));
  },
};
