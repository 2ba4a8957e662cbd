// How the server's publish hook (KATSUDO_EXPORT_DIR) last went, as the dashboard shows it.

export interface ExportStatus {
  /** The folder the hook writes. */
  outDir: string;
  lastSuccess?: { at: string; written: number; removed: number };
  /** Set while the latest build failed; cleared by the next success. */
  lastFailure?: { at: string; message: string };
}
