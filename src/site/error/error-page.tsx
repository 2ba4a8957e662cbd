import { paths } from '../../domain/paths.js';
import { Layout, type SiteContext } from '../layout/layout.js';

export interface ErrorPageProps {
  site: SiteContext;
  status: number;
}

const TEXTS: Record<number, { title: string; lead: string }> = {
  400: { title: '要求を処理できませんでした', lead: 'アドレスまたは指定された条件の形式が正しくありません。' },
  404: { title: 'ページが見つかりません', lead: 'お探しのページは移動または削除されたか、アドレスが間違っている可能性があります。' },
  405: { title: 'この操作はできません', lead: 'このページではその方法でのアクセスを受け付けていません。' },
  413: { title: '送信された内容が大きすぎます', lead: '内容を小さくしてもう一度お試しください。' },
  414: { title: 'アドレスが長すぎます', lead: 'アドレスを短くしてもう一度お試しください。' },
  415: { title: 'この形式は受け付けていません', lead: '送信された内容の形式に対応していません。' },
  429: { title: 'アクセスが集中しています', lead: 'しばらく時間をおいてから、もう一度お試しください。' },
  500: { title: 'エラーが発生しました', lead: 'サーバーで問題が発生しました。しばらく時間をおいてから、もう一度お試しください。' },
  507: { title: '保存先のディスクに空きがありません', lead: '保存されていません。サイトの管理者に連絡して空き容量を増やしてから、もう一度お試しください。' },
  503: { title: 'ただいま混み合っています', lead: '処理を待っている要求が多いため、受け付けられませんでした。しばらく時間をおいてから、もう一度お試しください。' },
};

export function errorTexts(status: number): { title: string; lead: string } {
  return TEXTS[status] ?? (status >= 500 ? TEXTS[500]! : TEXTS[400]!);
}

export function ErrorPage({ site, status }: ErrorPageProps) {
  const text = errorTexts(status);
  return (
    <Layout site={site} meta={{ title: text.title, description: text.lead, noindex: true }}>
      <section class="error-page" aria-labelledby="page-title">
        <p class="error-status">エラー {status}</p>
        <h1 id="page-title">{text.title}</h1>
        <p>{text.lead}</p>
        <ul class="error-links">
          <li>
            <a href={paths.home()}>ホームへ戻る</a>
          </li>
          <li>
            <a href={paths.activity()}>活動報告の一覧を見る</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
