import type { YearActivity } from '../../domain/activity-record/year-activity.js';
import { paths } from '../../domain/paths.js';
import type { ReportSummary } from '../../domain/report.js';
import { siteTitle } from '../../domain/settings.js';
import { ArchiveNav, type ArchiveData } from '../components/archive-nav.js';
import { LegislatorName, ProfileFacts } from '../components/profile-facts.js';
import { ReportList } from '../components/report-list.js';
import { Layout, type SiteContext } from '../layout/layout.js';
import { UpcomingActivities, type UpcomingItem } from './upcoming-activities.js';
import { YearSummary } from './year-summary.js';

/** A fixed page's level-1 headings on the home page (the demo's 政策). */
export interface HomeSection {
  title: string;
  url: string;
  headings: { title: string; url: string }[];
}

export interface HomePageProps {
  section?: HomeSection;
  site: SiteContext;
  latest: ReportSummary[];
  archive: ArchiveData;
  /** First paragraph of the profile, as plain text. */
  profileLead: string;
  jsonLd: Record<string, unknown>[];
  /** This year's activity in Japan time (issue 16). */
  thisYear: YearActivity;
  /** Activities not started yet (issue 16 item 5). */
  upcoming: UpcomingItem[];
}

export function HomePage({ site, latest, archive, profileLead, jsonLd, section, thisYear, upcoming }: HomePageProps) {
  const s = site.settings;
  return (
    <Layout site={site} meta={{ title: '', description: s.siteDescription, canonicalPath: paths.home(), jsonLd, section: paths.home(), hasCalendarFeed: true }}>
      <h1 class="visually-hidden">{siteTitle(s)}</h1>
      <section class="profile-card" aria-labelledby="profile-card-title">
        <h2 id="profile-card-title" class="profile-card-name">
          <LegislatorName settings={s} />
        </h2>
        <ProfileFacts settings={s} />
        {profileLead && <p class="profile-lead">{profileLead}</p>}
        <p class="more-link">
          <a href={paths.profile()}>プロフィールを見る</a>
        </p>
      </section>
      {section && (
        <section class="home-section" aria-labelledby="home-section-title">
          <h2 id="home-section-title">{section.title}</h2>
          <ul>
            {section.headings.map((heading) => (
              <li>
                <a href={heading.url}>{heading.title}</a>
              </li>
            ))}
          </ul>
          <p class="more-link">
            <a href={section.url}>{section.title}のページへ</a>
          </p>
        </section>
      )}
      <UpcomingActivities items={upcoming} />
      <div class="with-aside">
        <section class="latest" aria-labelledby="latest-title">
          <h2 id="latest-title">最新の活動報告</h2>
          {latest.length === 0 ? <p>活動報告はまだありません。</p> : <ReportList reports={latest} headingLevel={3} />}
          <p class="more-link">
            <a href={paths.activity()}>活動報告の一覧へ</a>
          </p>
        </section>
        <YearSummary activity={thisYear} />
        <ArchiveNav data={archive} />
      </div>
    </Layout>
  );
}
