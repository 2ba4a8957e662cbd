// Deleting a media file: the confirmation (GET), or the refusal when reports use it (409),
// listing those reports and pages with links so they can be changed first.
import type { MediaUser } from '../../../domain/errors.js';
import { attachmentMeta } from '../../../domain/attachment.js';
import type { Media } from '../../../domain/media.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { CsrfField, FormActions } from './form.js';
import { MediaUsers } from './media-library-page.js';

/** What the page shows of the file. */
export type DeletedMediaFacts = Pick<Media, 'id' | 'originalName' | 'mime' | 'bytes' | 'pages'>;

export interface MediaDeletePageProps {
  page: AdminPageContext;
  media: DeletedMediaFacts;
  /** The reports and pages using it: deleting is refused while there are any. */
  usedBy: MediaUser[];
  /** The refusal after a POST (the list may have changed since the confirmation). */
  isRefused?: boolean;
}

export function MediaDeletePage({ page, media, usedBy, isRefused = false }: MediaDeletePageProps) {
  const name = `「${media.originalName}」(${attachmentMeta(media)})`;
  return (
    <AdminLayout page={page} title="ファイルの削除">
      <h1 id="page-title">ファイルの削除</h1>
      {usedBy.length > 0 ? (
        <div class="error-summary" role={isRefused ? 'alert' : undefined}>
          <p>{name}は次の報告・ページで使われているため、削除できません。そこから添付やリンクを外してから、もう一度削除してください。</p>
          <MediaUsers users={usedBy} />
        </div>
      ) : (
        <form method="post" action={`/admin/media/${media.id}/delete`} class="admin-form">
          <CsrfField token={page.csrfToken} />
          <p>{name}を削除します。元に戻すことはできません。</p>
          <FormActions>
            <button type="submit" class="button-primary">
              削除する
            </button>
          </FormActions>
        </form>
      )}
      <p>
        <a href="/admin/media">メディアの一覧に戻る</a>
      </p>
    </AdminLayout>
  );
}
