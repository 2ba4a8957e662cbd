// What the static export needs to tell which public items changed since its last build
// (exporter/build-site.ts): one fingerprint per published report and one for everything
// else the public pages show. Read in one transaction so both describe the same state.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { engineOf } from './dialects/engine.js';

export interface ReportBuildState {
  id: number;
  slug: string;
  /** Changes when anything on the report's own page changes (text, title, attachments, render). */
  contentKey: string;
  /** Changes when the report moves between lists (slug, dates, category, tags): every list may shift. */
  placementKey: string;
}

export interface BuildState {
  contentVersion: number;
  reports: ReportBuildState[];
  /** Settings, categories, published pages, redirects and media names: anything else public. */
  siteKey: string;
}

/** The published reports' columns the keys are made of, from the index reports_build_state alone (migration 0025). */
export function reportKeysQuery(db: Kysely<Database>) {
  return db
    .selectFrom('reports')
    .select(['id', 'slug', 'activity_date', 'published_at', 'category_id', 'version', 'render_version', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('id');
}

/**
 * A report's "tag:position" pairs joined by commas. SQLite's group_concat follows the
 * report_tags primary key (report_id, tag_id); PostgreSQL's string_agg is given that order.
 */
function tagList(db: Kysely<Database>) {
  if (engineOf(db) === 'postgres') return sql<string>`string_agg(tag_id || ':' || position, ',' order by tag_id)`;
  return sql<string>`group_concat(tag_id || ':' || position)`;
}

/** Every report's tags as tagList joins them, from the index report_tags_positions alone (migration 0035). */
export function reportTagsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('report_tags')
    .select(['report_id', tagList(db).as('tags')])
    .groupBy('report_id');
}

export async function readBuildState(db: Kysely<Database>): Promise<BuildState> {
  return db.transaction().execute(async (trx) => {
    const version = await trx.selectFrom('site_state').select('content_version').where('id', '=', 1).executeTakeFirst();
    const reports = await reportKeysQuery(trx).execute();
    const tags = await reportTagsQuery(trx).execute();
    const attachments = await trx
      .selectFrom('attachments')
      .innerJoin('media', 'media.id', 'attachments.media_id')
      .select([
        'attachments.report_id',
        'attachments.media_id',
        'attachments.label',
        'attachments.summary',
        'attachments.position',
        'attachments.alt_text',
        'media.alt_text as media_alt',
        'media.original_name',
      ])
      .where('attachments.report_id', 'is not', null)
      .orderBy('attachments.report_id')
      .orderBy('attachments.position')
      .execute();
    const tagsById = new Map(tags.map((t) => [t.report_id, t.tags]));
    const attachmentsById = new Map<number, unknown[]>();
    for (const a of attachments) {
      const list = attachmentsById.get(a.report_id!) ?? [];
      list.push([a.media_id, a.label, a.summary, a.position, a.alt_text, a.media_alt, a.original_name]);
      attachmentsById.set(a.report_id!, list);
    }
    const site = createHash('sha256');
    const feed = (rows: unknown[]) => site.update(JSON.stringify(rows));
    feed(await trx.selectFrom('settings').selectAll().orderBy('key').execute());
    feed(await trx.selectFrom('categories').selectAll().orderBy('id').execute());
    feed(
      await trx
        .selectFrom('pages')
        .select(['id', 'slug', 'title', 'parent_id', 'position', 'status', 'version', 'render_version', 'published_at', 'updated_at'])
        .orderBy('id')
        .execute(),
    );
    feed(
      await trx
        .selectFrom('attachments')
        .select(['page_id', 'media_id', 'label', 'summary', 'position', 'alt_text'])
        .where('page_id', 'is not', null)
        .orderBy('page_id')
        .orderBy('position')
        .execute(),
    );
    feed(await trx.selectFrom('redirects').select(['from_path', 'to_path']).orderBy('from_path').execute());
    feed(await trx.selectFrom('tags').selectAll().orderBy('id').execute());
    // A confirmed activity record is on its report page, the people pages, its kind's list, the
    // calendar and the home page: any change to one renders every page (a proposal shows nowhere).
    feed(await trx.selectFrom('activity_records').select(['report_id', 'updated_at']).where('is_confirmed', '=', 1).orderBy('report_id').execute());
    return {
      contentVersion: version?.content_version ?? 0,
      siteKey: site.digest('hex'),
      reports: reports.map((r) => ({
        id: r.id,
        slug: r.slug,
        // Plain strings, not hashes: hashing 20,000 of them cost more than reading them.
        contentKey: `${r.version}/${r.render_version}/${r.updated_at}${attachmentsById.has(r.id) ? JSON.stringify(attachmentsById.get(r.id)) : ''}`,
        placementKey: `${r.slug}/${r.activity_date}/${r.published_at ?? ''}/${r.category_id ?? ''}/${tagsById.get(r.id) ?? ''}`,
      })),
    };
  });
}
