// The status tabs above an admin list (活動報告, 固定ページ): links that filter the list,
// each with its count, the current one marked with aria-current.

export interface StatusTab {
  label: string;
  href: string;
  count: number;
  isCurrent: boolean;
}

export function StatusTabs({ tabs }: { tabs: StatusTab[] }) {
  return (
    <nav class="status-tabs" aria-label="状態で絞り込む">
      <ul>
        {tabs.map((tab) => (
          <li>
            <a href={tab.href} aria-current={tab.isCurrent ? 'page' : undefined}>
              {tab.label}
              <span class="tab-count">({tab.count}件)</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
