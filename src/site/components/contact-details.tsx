// How to reach the office, from the site settings: the free-text addresses, then the
// telephone number, e-mail address and contact form as links. Nothing when none is set.
import type { SiteSettings } from '../../domain/settings.js';

export function hasContactDetails(settings: SiteSettings): boolean {
  return [settings.contact, settings.contactPhone, settings.contactEmail, settings.contactFormUrl].some((value) => value !== '');
}

export function ContactDetails({ settings }: { settings: SiteSettings }) {
  const links = [
    settings.contactPhone && { term: '電話', href: `tel:${settings.contactPhone.replace(/[^0-9+]/g, '')}`, text: settings.contactPhone },
    settings.contactEmail && { term: 'メール', href: `mailto:${settings.contactEmail}`, text: settings.contactEmail },
    settings.contactFormUrl && { term: 'お問い合わせフォーム', href: settings.contactFormUrl, text: 'フォームから問い合わせる' },
  ].filter((link) => typeof link === 'object');
  return (
    <>
      {settings.contact && <p class="contact-text">{settings.contact}</p>}
      {links.length > 0 && (
        <dl class="contact-links">
          {links.map((link) => (
            <>
              <dt>{link.term}</dt>
              <dd>
                <a href={link.href}>{link.text}</a>
              </dd>
            </>
          ))}
        </dl>
      )}
    </>
  );
}
