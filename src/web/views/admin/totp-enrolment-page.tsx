// Setting up an authenticator app: the QR code (SVG made by the qrcode library from the
// otpauth:// URI), the same secret as text for typing in, and the field for the first code.
import type { TrustedHtml } from '../../../domain/trusted-html.js';
import { HtmlBlock } from '../../../site/components/html-block.js';
import { CodeField } from './code-field.js';
import { CsrfField, ErrorSummary, type FieldErrors } from './form.js';
import { AdminLayout, type AdminPageContext } from './layout.js';

export interface TotpEnrolmentPageProps {
  page: AdminPageContext;
  qrSvg: TrustedHtml;
  secret: string;
  errors: FieldErrors;
}

/** "JBSW Y3DP …": groups of four are easier to type. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function TotpEnrolmentPage({ page, qrSvg, secret, errors }: TotpEnrolmentPageProps) {
  return (
    <AdminLayout page={page} title="認証アプリの設定">
      <h1 id="page-title">認証アプリの設定</h1>
      <ErrorSummary errors={errors} labels={{ code: '確認コード' }} />
      <ol class="steps">
        <li>
          <h2>認証アプリでQRコードを読み取る</h2>
          <p>スマートフォンの認証アプリ(Google Authenticator、Microsoft Authenticator、iOSの「パスワード」など)で、次のQRコードを読み取ってください。</p>
          <div class="totp-qr" role="img" aria-label="認証アプリで読み取るQRコード">
            <HtmlBlock html={qrSvg} />
          </div>
          <p>
            読み取れないときは、アプリに次の「セットアップキー」を入力してください(種類は「時間ベース」):
            <br />
            <code class="totp-secret" data-secret={secret}>
              {grouped(secret)}
            </code>
          </p>
        </li>
        <li>
          <h2>表示された確認コードを入力する</h2>
          <form method="post" action="/admin/account/two-factor/totp/confirm" class="admin-form" novalidate>
            <CsrfField token={page.csrfToken} />
            <CodeField name="code" label="確認コード(6桁)" errors={errors} hint="アプリに表示されている6桁の数字です。30秒ごとに変わります。" isNumeric />
            <div class="form-actions">
              <button type="submit" class="button-primary">
                確認して有効にする
              </button>
              <a href="/admin/account/two-factor">やめる</a>
            </div>
          </form>
        </li>
      </ol>
    </AdminLayout>
  );
}
