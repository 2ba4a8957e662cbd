// Beside a Word, Excel or PowerPoint file in the editor and the media library.
/** Readers without Office (and many screen-reader set-ups) open a PDF more easily: public sites attach both. */
export function OfficeHint() {
  return (
    <p class="admin-hint office-hint">
      Word・Excel・PowerPointのファイルは、ソフトを持っていない人には開けないことがあります。同じ内容をPDFで保存して、あわせて添付することをおすすめします。
    </p>
  );
}
