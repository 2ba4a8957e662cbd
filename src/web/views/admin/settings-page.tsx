// /admin/settings (owner): who the legislator is, the profile (in the report text format,
// with a preview rendered by the same renderer as /profile/), contact details, the menu
// links and the site description. One form; errors beside their fields, input kept.
import { paths } from '../../../domain/paths.js';
import { MAX_NAVIGATION_LINKS, navigationField, SETTINGS_LIMITS, type NavigationRow, type SettingsInput } from '../../../domain/settings.js';
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { HtmlBlock } from '../../../site/components/html-block.js';
import { AdminLayout, type AdminPageContext } from './layout.js';
import { controlAttrs, CsrfField, errorId, ErrorSummary, FieldError, fieldId, FormActions, hintId, TextField, type FieldErrors } from './form.js';

export interface SettingsPageProps {
  page: AdminPageContext;
  form: SettingsInput;
  errors: FieldErrors;
  /** The profile as /profile/ would show it, after 「プレビュー」. */
  previewHtml?: TrustedHtml;
  /** Published pages a menu entry may point to. */
  pageChoices?: PageChoice[];
}

export interface PageChoice {
  id: number;
  title: string;
  path: string;
}

/** Rows the form shows at most (top-level entries and their children together). */
const MAX_NAVIGATION_ROWS = MAX_NAVIGATION_LINKS * 4;

export const SETTINGS_LABELS: Record<string, string> = {
  legislatorName: '議員の氏名',
  legislatorNameKana: '氏名の読み(ひらがな)',
  chamber: '肩書き',
  constituency: '選挙区',
  party: '所属政党',
  profileSource: 'プロフィール',
  contact: '事務所の所在地・連絡先',
  contactPhone: '電話番号',
  contactEmail: 'メールアドレス',
  contactFormUrl: 'お問い合わせフォームのURL',
  navigation: 'メニュー',
  siteDescription: 'サイトの説明',
};

const isEmptyRow = (row: NavigationRow) => row.label.trim() === '' && row.url.trim() === '' && (row.page ?? '').trim() === '';

/** Rows the form shows: the rows so far plus two empty ones (「行を増やす」 adds two more). */
export function navigationRows(typed: NavigationRow[]): NavigationRow[] {
  const links = [...typed];
  while (links.length > 0 && isEmptyRow(links[links.length - 1]!)) links.pop();
  const count = Math.max(links.length, Math.min(links.length + 2, MAX_NAVIGATION_ROWS), 3);
  return Array.from({ length: count }, (_, i) => links[i] ?? { label: '', url: '', page: '', parent: '' });
}

function summaryLabels(rows: number): Record<string, string> {
  const labels = { ...SETTINGS_LABELS };
  delete labels.siteDescription;
  for (let i = 0; i < rows; i++) {
    labels[navigationField(i, 'label')] = `メニュー${i + 1}の表示名`;
    labels[navigationField(i, 'url')] = `メニュー${i + 1}のリンク先`;
    labels[navigationField(i, 'page')] = `メニュー${i + 1}の固定ページ`;
    labels[navigationField(i, 'parent')] = `メニュー${i + 1}の親`;
  }
  return { ...labels, siteDescription: SETTINGS_LABELS.siteDescription! };
}

export function SettingsPage({ page, form, errors, previewHtml, pageChoices = [] }: SettingsPageProps) {
  const rows = navigationRows(form.navigation);
  const text = (name: keyof SettingsInput & keyof typeof SETTINGS_LIMITS, extra: { hint?: string; isRequired?: boolean; type?: 'text' | 'email' | 'url' } = {}) => (
    <TextField name={name} label={SETTINGS_LABELS[name]!} errors={errors} value={form[name]} maxLength={SETTINGS_LIMITS[name]} {...extra} />
  );
  return (
    <AdminLayout page={page} title="サイト設定">
      <h1 id="page-title">サイト設定</h1>
      <p>公開サイトの見出し、プロフィール、連絡先、メニューに使われます。保存するとすぐに公開サイトに反映されます。</p>
      <ErrorSummary errors={errors} labels={summaryLabels(rows.length)} />
      <form method="post" action="/admin/settings" class="admin-form settings-form" novalidate>
        <CsrfField token={page.csrfToken} />
        <fieldset class="settings-group">
          <legend>議員</legend>
          {text('legislatorName', { isRequired: true, hint: '例:山川 さくら' })}
          {text('legislatorNameKana', { hint: '例:やまかわ さくら' })}
          {text('chamber', { hint: '例:衆議院議員、○○県議会議員' })}
          {text('constituency', { hint: '例:○○県第3区' })}
          {text('party')}
        </fieldset>

        <fieldset class="settings-group">
          <legend>プロフィール</legend>
          <TextArea
            name="profileSource"
            label={SETTINGS_LABELS.profileSource!}
            errors={errors}
            value={form.profileSource}
            rows={14}
            hint="活動報告と同じ書き方です(「1 見出し」「(1)本文」など)。下の「プロフィールをプレビュー」で表示を確かめられます。"
          />
          {previewHtml !== undefined && (
            <section id="profile-preview" class="settings-preview" aria-labelledby="profile-preview-title" tabindex={-1}>
              <h2 id="profile-preview-title">プロフィールのプレビュー(まだ保存されていません)</h2>
              <HtmlBlock class="report-body" html={previewHtml} />
            </section>
          )}
        </fieldset>

        <fieldset class="settings-group">
          <legend>連絡先</legend>
          <TextArea
            name="contact"
            label={SETTINGS_LABELS.contact!}
            errors={errors}
            value={form.contact}
            rows={6}
            hint="事務所名、郵便番号と住所、電話・FAX番号など。改行はそのまま表示されます。"
          />
          {text('contactPhone', { hint: '代表の電話番号。例:03-5555-0155' })}
          {text('contactEmail', { type: 'email', hint: '例:info@example.jp' })}
          {text('contactFormUrl', { type: 'url', hint: '「https://」で始まるURL、またはサイト内のパス(例:/contact/)。' })}
        </fieldset>

        <NavigationFields rows={rows} errors={errors} pageChoices={pageChoices} />

        <fieldset class="settings-group">
          <legend>サイト</legend>
          <TextArea
            name="siteDescription"
            label={SETTINGS_LABELS.siteDescription!}
            errors={errors}
            value={form.siteDescription}
            rows={3}
            hint="検索結果やフィードに表示される紹介文(1〜2文、300文字以内)。"
          />
        </fieldset>

        <FormActions>
          <button type="submit" class="button-primary">
            設定を保存
          </button>
          <button type="submit" formaction="/admin/settings/preview#profile-preview">
            プロフィールをプレビュー
          </button>
        </FormActions>
      </form>
    </AdminLayout>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  errors: FieldErrors;
  value: string;
  rows: number;
  hint?: string;
}

function TextArea({ name, label, errors, value, rows, hint }: TextAreaProps) {
  return (
    <div class={errors[name] ? 'field field-invalid' : 'field'}>
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <p class="field-hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      <FieldError name={name} errors={errors} />
      <textarea {...controlAttrs(name, errors, hint !== undefined)} rows={rows}>
        {value}
      </textarea>
    </div>
  );
}

/**
 * The menu rows, no script needed: per row a fixed page or a link (label and URL), and the
 * row it sits under (one level). Empty rows are ignored on save; 「行を増やす」 re-shows the
 * form, unsaved, with two more rows.
 */
function NavigationFields({ rows, errors, pageChoices }: { rows: NavigationRow[]; errors: FieldErrors; pageChoices: PageChoice[] }) {
  return (
    <fieldset
      id={fieldId('navigation')}
      class={errors.navigation ? 'settings-group field-invalid' : 'settings-group'}
      aria-describedby={[hintId('navigation'), errors.navigation ? errorId('navigation') : ''].filter(Boolean).join(' ')}
    >
      <legend>{SETTINGS_LABELS.navigation}</legend>
      <p class="field-hint" id={hintId('navigation')}>
        公開サイトの上部と下部に「ホーム」に続けて表示されるリンクです(最上段は最大{MAX_NAVIGATION_LINKS}
        件)。固定ページを選ぶと、ページの題名とアドレスが変わってもそのまま使えます(表示名を空にするとページの題名を表示)。リンク先は「{paths.activity()}」(活動報告)、「
        {paths.profile()}」(プロフィール)、「{paths.year(2025)}」(年別)、「{paths.category('policy')}
        」(カテゴリー)のようなサイト内のパスか「https://」で始まるURL。「親」で別の行を選ぶと、その行の下にまとめて表示されます(入れ子は1段まで)。不要な行は空にしてください。
      </p>
      <FieldError name="navigation" errors={errors} />
      <datalist id="navigation-archive-paths">
        <option value={paths.activity()}>活動報告</option>
        <option value={paths.profile()}>プロフィール</option>
      </datalist>
      <ol class="settings-nav-rows">
        {rows.map((row, i) => (
          <li>
            <NavigationPart
              name={navigationField(i, 'label')}
              formName="navLabel"
              label={`${i + 1}. 表示名`}
              value={row.label}
              errors={errors}
              maxLength={SETTINGS_LIMITS.navigationLabel}
            />
            <NavigationSelect
              name={navigationField(i, 'page')}
              formName="navPage"
              label={`${i + 1}. 固定ページ`}
              value={row.page ?? ''}
              errors={errors}
              options={[['', '(選ばない:下のリンク先を使う)'], ...pageChoices.map((choice): [string, string] => [String(choice.id), `${choice.title}(${choice.path})`])]}
            />
            <NavigationPart
              name={navigationField(i, 'url')}
              formName="navUrl"
              label={`${i + 1}. リンク先`}
              value={row.url}
              errors={errors}
              maxLength={SETTINGS_LIMITS.navigationUrl}
              list="navigation-archive-paths"
            />
            <NavigationSelect
              name={navigationField(i, 'parent')}
              formName="navParent"
              label={`${i + 1}. 親`}
              value={row.parent ?? ''}
              errors={errors}
              options={[['', '(なし:最上段)'], ...rows.map((_, j): [string, string] => [String(j + 1), `${j + 1}行目の下`]).filter(([value]) => value !== String(i + 1))]}
            />
          </li>
        ))}
      </ol>
      <button type="submit" formaction="/admin/settings/preview#field-navigation">
        メニューの行を増やす(保存はしません)
      </button>
    </fieldset>
  );
}

function NavigationSelect(props: { name: string; formName: string; label: string; value: string; errors: FieldErrors; options: [string, string][] }) {
  const { name, formName, label, value, errors, options } = props;
  // A value typed into a forged form that no option matches is kept, so its message makes sense.
  const all = options.some(([v]) => v === value) ? options : [...options, [value, value] as [string, string]];
  return (
    <div class={errors[name] ? 'field field-invalid' : 'field'}>
      <label for={fieldId(name)}>{label}</label>
      <FieldError name={name} errors={errors} />
      <select {...controlAttrs(name, errors)} name={formName}>
        {all.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function NavigationPart(props: { name: string; formName: string; label: string; value: string; errors: FieldErrors; maxLength: number; list?: string }) {
  const { name, formName, label, value, errors, maxLength, list } = props;
  return (
    <div class={errors[name] ? 'field field-invalid' : 'field'}>
      <label for={fieldId(name)}>{label}</label>
      <FieldError name={name} errors={errors} />
      <input {...controlAttrs(name, errors)} name={formName} type="text" value={value} maxLength={maxLength} list={list} />
    </div>
  );
}
