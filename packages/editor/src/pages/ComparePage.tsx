/** 版本对比 page (`#/compare/<family>/<a>/<b>`): two saved versions of a family side by side. */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { SchemeSummary } from '../api/types.ts';
import { CompareView } from '../versions/CompareView.tsx';

export function ComparePage({ family, a, b }: { family: string; a: number; b: number }) {
  const [versions, setVersions] = useState<SchemeSummary[]>([]);
  useEffect(() => {
    api.listSchemes().then(
      (list) => setVersions(list.filter((s) => s.family === family)),
      (e: unknown) => console.warn('方案列表读取失败 (schemes):', e),
    );
  }, [family]);
  const title = versions[0]?.title ?? family;
  return (
    <div className="compare-page">
      <header className="save-bar">
        <div className="crumbs">
          <a href="#/">方案库</a>
          <span>›</span>
          <span className="title">版本对比：{title}</span>
        </div>
      </header>
      <div className="view-scroll">
        <CompareView
          family={family}
          versions={versions}
          initialA={a}
          initialB={b}
          onPick={(x, y) => window.history.replaceState(null, '', `#/compare/${encodeURIComponent(family)}/${x}/${y}`)}
        />
      </div>
    </div>
  );
}
