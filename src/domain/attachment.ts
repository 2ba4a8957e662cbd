// How Japanese public sites label a downloadable file: 「ファクトシート(PDF形式・120KB・4ページ)」.

const FORMAT_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'text/plain': 'テキスト',
  'text/csv': 'CSV',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/zip': 'ZIP',
};

export interface AttachmentFacts {
  mime: string;
  bytes: number;
  pages?: number | null;
}

/** "PDF" for application/pdf; the subtype in upper case for unknown types. */
export function formatName(mime: string): string {
  const known = FORMAT_NAMES[mime];
  if (known) return known;
  const subtype = mime.split('/')[1] ?? mime;
  return subtype.toUpperCase();
}

/** 120KB, 1.4MB: kilobytes rounded up so that a small file never reads as 0KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))}KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
}

/** "PDF形式・120KB・4ページ" (the page count only when known). */
export function attachmentMeta(facts: AttachmentFacts): string {
  const parts = [`${formatName(facts.mime)}形式`, formatSize(facts.bytes)];
  if (facts.pages != null && facts.pages > 0) parts.push(`${facts.pages}ページ`);
  return parts.join('・');
}
