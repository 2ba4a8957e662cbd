import { paths } from '../../domain/paths.js';
import type { TrustedHtml } from '../../domain/trusted-html.js';
import { HtmlBlock } from '../components/html-block.js';
import { ContactDetails, hasContactDetails } from '../components/contact-details.js';
import { LegislatorName, ProfileFacts } from '../components/profile-facts.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { Breadcrumbs } from '../report-list/report-list-page.js';

export interface ProfilePageProps {
  site: SiteContext;
  profileHtml: TrustedHtml;
  jsonLd: Record<string, unknown>[];
  description: string;
}

export function ProfilePage({ site, profileHtml, jsonLd, description }: ProfilePageProps) {
  const s = site.settings;
  return (
    <Layout site={site} meta={{ title: 'プロフィール', description, canonicalPath: paths.profile(), ogType: 'profile', jsonLd, section: paths.profile() }}>
      <div class="reading">
        <Breadcrumbs crumbs={[{ label: 'プロフィール' }]} />
        <article class="profile" aria-labelledby="page-title">
          <header class="profile-header">
            <p class="report-kind">プロフィール</p>
            <h1 id="page-title">
              <LegislatorName settings={s} />
            </h1>
            <ProfileFacts settings={s} />
          </header>
          <HtmlBlock class="report-body" html={profileHtml} />
          {hasContactDetails(s) && (
            <section class="contact" aria-labelledby="contact-title">
              <h2 id="contact-title">連絡先</h2>
              <ContactDetails settings={s} />
            </section>
          )}
        </article>
      </div>
    </Layout>
  );
}
