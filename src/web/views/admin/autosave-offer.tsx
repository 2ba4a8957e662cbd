// The offer above an editor's form when its autosave slot (store/autosaves.ts) holds text
// that was never saved: after a crash or a closed tab. Restore is a link (the form filled
// from the slot, still unsaved); discard is a form that empties the slot. Without JS too.
import { formatJapanDateTime } from '../../../domain/japan-time.js';
import { CsrfField } from './form.js';

export interface AutosaveOfferProps {
  savedAt: string;
  /** The editor's address that fills the form from the slot. */
  restoreHref: string;
  kind: 'report' | 'page';
  /** 'new' for a new item's form. */
  itemId: string;
  csrfToken: string;
}

export function AutosaveOffer(props: AutosaveOfferProps) {
  return (
    <section class="autosave-offer" aria-labelledby="autosave-offer-title">
      <h2 id="autosave-offer-title">保存されていない下書きがあります({formatJapanDateTime(props.savedAt)})。復元しますか</h2>
      <p>前回この画面で入力し、保存しないまま閉じた内容が自動保存されています。</p>
      <div class="form-actions">
        <a class="button button-primary" href={props.restoreHref}>
          復元する
        </a>
        <form method="post" action="/admin/autosave/discard" class="admin-inline-form">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="kind" value={props.kind} />
          <input type="hidden" name="itemId" value={props.itemId} />
          <button type="submit">破棄する</button>
        </form>
      </div>
    </section>
  );
}

/** Marks the editor's restored form: the text is the autosave's, not yet saved. */
export function AutosaveRestored() {
  return (
    <p class="admin-notice" role="status" tabindex={-1}>
      自動保存された下書きを復元しました。まだ保存されていません。内容を確かめてから保存してください。
    </p>
  );
}
