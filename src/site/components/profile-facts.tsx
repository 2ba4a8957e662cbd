import type { SiteSettings } from '../../domain/settings.js';

/** The legislator's name with its reading. */
export function LegislatorName({ settings }: { settings: SiteSettings }) {
  return (
    <>
      {settings.legislatorName}
      {settings.legislatorNameKana && <span class="kana">({settings.legislatorNameKana})</span>}
    </>
  );
}

/** 所属・選挙区・政党, each shown only when set. */
export function ProfileFacts({ settings }: { settings: SiteSettings }) {
  const facts = [
    ['所属', settings.chamber],
    ['選挙区', settings.constituency],
    ['政党', settings.party],
  ].filter(([, value]) => value !== '');
  if (facts.length === 0) return null;
  return (
    <dl class="profile-facts">
      {facts.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
