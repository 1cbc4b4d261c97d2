/**
 * 方案库: every scheme under schemes/, by family and year, with status, total points and what each
 * version was based on; per family, starting next year's draft from a version and comparing
 * versions.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { SchemeSummary } from '../api/types.ts';
import { NewYearAction } from '../versions/NewYearAction.tsx';
import { timeText } from '../versions/HistoryPanel.tsx';

/** The version a new draft starts from by default: the newest published, else the newest. */
export function defaultBase(list: SchemeSummary[]): number | null {
  const readable = list.filter((s) => s.status !== 'unknown').sort((a, b) => b.year - a.year);
  return (readable.find((s) => s.status === 'published') ?? readable[0])?.year ?? null;
}

export function LibraryPage() {
  const [schemes, setSchemes] = useState<SchemeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listSchemes().then(setSchemes, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <div className="page-message error">无法读取方案库：{error}</div>;
  if (!schemes) return <div className="page-message">正在读取方案库…</div>;
  const families = [...new Set(schemes.map((s) => s.family))];
  return (
    <div className="library">
      <header className="library-head">
        <h1>绩效评价方案库</h1>
        <p className="muted">打开一个方案即可查看评分表、修改规则，并在右侧即时看到真实案例的得分变化。已发布的方案只读；每年的调整从上一年方案新建草稿开始，发布前可对比版本、预览对各部门得分的影响。</p>
      </header>
      {families.length === 0 ? <p className="page-message">方案库中还没有方案。</p> : null}
      {families.map((f) => {
        const list = schemes.filter((s) => s.family === f);
        const head = list[0];
        const base = defaultBase(list);
        const readable = list.filter((s) => s.status !== 'unknown').map((s) => s.year);
        return (
          <section key={f} className="family" aria-label={head?.title || f}>
            <h2>
              {head?.title || f}
              {head?.jurisdiction ? <span className="muted family-id">{head.jurisdiction}</span> : null}
            </h2>
            <table className="library-table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>方案名称</th>
                  <th>状态</th>
                  <th>总分</th>
                  <th>来源</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.path} data-family={s.family} data-year={s.year}>
                    <td className="year">{s.year}</td>
                    <td>{s.title || <span className="muted">（无标题）</span>}</td>
                    <td>
                      <span className={`status ${s.status}`}>{s.status === 'published' ? '已发布' : s.status === 'draft' ? '草稿' : '无法读取'}</span>
                      {s.publishedAt ? <div className="muted small">{timeText(s.publishedAt)}</div> : null}
                      {s.publicationIssues?.length ? (
                        <div className="error-text small" title={s.publicationIssues.map((i) => i.message).join('\n')}>
                          发布后被改动过！
                        </div>
                      ) : null}
                    </td>
                    <td className="points">{s.totalPoints ?? '—'}</td>
                    <td className="muted">{s.basedOn ? `以${s.basedOn.year}年方案为基础` : ''}</td>
                    <td className="open">
                      {s.status !== 'unknown' ? (
                        <a className="open-link" href={`#/scheme/${encodeURIComponent(s.family)}/${s.year}`} aria-label={`打开 ${s.title} ${s.year}年度`}>
                          打开
                        </a>
                      ) : (
                        <span className="error-text" title={`${s.path}：${s.error ?? ''}`}>
                          文件有误
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="family-actions">
              {base !== null ? <NewYearAction family={f} baseYears={readable} baseYear={base} existingYears={list.map((s) => s.year)} chooseBase /> : null}
              {readable.length > 1 ? (
                <a className="compare-link" href={`#/compare/${encodeURIComponent(f)}/${readable[1]}/${readable[0]}`}>
                  版本对比（{readable[1]}年 → {readable[0]}年）
                </a>
              ) : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}
