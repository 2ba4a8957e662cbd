// A fixed page (固定ページ) for readers: breadcrumbs, the body in the report's reading
// layout, its attachments (as a report's), and its child pages.
import { descriptionOf } from '../../domain/description.js';
import type { Page, PageSummary } from '../../domain/page.js';
import type { Attachment } from '../../domain/report.js';
import { AttachmentList } from '../components/attachment-list.js';
import { HtmlBlock } from '../components/html-block.js';
import { Phrases } from '../components/phrases.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';

export interface FixedPageProps {
  site: SiteContext;
  page: Page;
  /** Published ancestors, top first, with their paths. */
  ancestors: { title: string; path: string }[];
  path: string;
  children: (PageSummary & { path: string })[];
  /** The page's 添付資料, in order. */
  attachments: Attachment[];
  jsonLd: Record<string, unknown>[];
}

export function FixedPage({ site, page, ancestors, path, children, attachments, jsonLd }: FixedPageProps) {
  const description = descriptionOf(page.summary, page.bodyText);
  const top = ancestors[0]?.path ?? path;
  return (
    <Layout site={site} meta={{ title: page.title, description, canonicalPath: path, ogType: 'website', jsonLd, section: top }}>
      <div class="reading">
        <Breadcrumbs crumbs={[...ancestors.map((a) => ({ label: a.title, path: a.path })), { label: page.title }]} />
        <article class="report fixed-page" aria-labelledby="page-title">
          <header class="report-header">
            <h1 id="page-title" class="report-title">
              <Phrases text={page.title} />
            </h1>
          </header>
          <HtmlBlock class="report-body" html={page.bodyHtml} />
          <AttachmentList attachments={attachments} />
          {children.length > 0 && (
            <nav class="child-pages" aria-labelledby="child-pages-title">
              <h2 id="child-pages-title">このページの内容</h2>
              <ul>
                {children.map((child) => (
                  <li>
                    <a href={child.path}>{child.title}</a>
                    {child.summary && <p>{child.summary}</p>}
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </article>
      </div>
    </Layout>
  );
}
