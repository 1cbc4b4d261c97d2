/**
 * After a case save refused because the case changed on the server (412): each item that differs between the
 * user's form and the server's current version, with the content the user started from, the server's and the
 * user's (state/case-merge.ts). Items only one side changed are settled (the changed side's content is kept);
 * each item both changed is chosen by the user (您的 / 服务器的; nothing is preselected). 应用 puts the result in
 * the form over the server's version, to be checked and saved; nothing is written until then.
 */
import { useState } from 'react';
import type { CaseConflict } from '../state/useCaseDoc.ts';
import { mergeItemText, type CaseMergeItem, type MergeSide } from '../state/case-merge.ts';
import { STATUS_ZH } from '../model/case-status.ts';
import type { CaseStatus } from '../api/types.ts';

export interface CaseConflictPanelProps {
  conflict: CaseConflict;
  /** The status the form has (the server's may have changed since). */
  status: CaseStatus;
  /** How an item is named to the user (事实 名称, 评审 指标, 备注, …). */
  labelOf(item: CaseMergeItem): string;
  onResolve(choices: Readonly<Record<string, MergeSide>>): void;
}

const AREA_ZH = { facts: '事实', reviewer: '评审录入', field: '基本信息' } as const;

export function CaseConflictPanel({ conflict, status, labelOf, onResolve }: CaseConflictPanelProps) {
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const conflicts = conflict.items.filter((it) => it.kind === 'conflict');
  const open = conflicts.filter((it) => !choices[it.key]).length;
  const chooseAll = (side: MergeSide) => setChoices(Object.fromEntries(conflicts.map((it) => [it.key, side])));
  const settled = (it: CaseMergeItem) => (it.row?.merged ? '合并双方的修改（改的是不同的栏目）' : it.kind === 'mine' ? '保留您的修改' : '采用服务器的（他人的修改）');
  return (
    <section className="banner warn case-conflict" aria-label="与服务器版本的不同之处" data-testid="case-conflict">
      <div>
        <b>您的修改与服务器最新版本的不同之处（{conflict.items.length} 项）</b>
        {conflict.baseKnown ? null : '：未能找到您开始修改时的版本，每一项都请您选择采用哪一方的内容。'}
      </div>
      {conflict.serverStatus !== status ? (
        <div>
          注意：服务器上的案例现为“{STATUS_ZH[conflict.serverStatus]}”{conflict.serverStatus === 'filling' ? '' : '，其中锁定的内容不能再保存修改'}。
        </div>
      ) : null}
      {conflict.items.length ? (
        <table className="history-table" style={{ tableLayout: 'fixed' }}>
          <colgroup>
            <col style={{ width: '14%' }} />
            {conflict.baseKnown ? <col /> : null}
            <col />
            <col />
            <col style={{ width: '11em' }} />
          </colgroup>
          <thead>
            <tr>
              <th>项目</th>
              {conflict.baseKnown ? <th>您开始修改时</th> : null}
              <th>服务器现在</th>
              <th>您的修改</th>
              <th>采用</th>
            </tr>
          </thead>
          <tbody>
            {conflict.items.map((it) => (
              <tr key={it.key} data-merge={it.key}>
                <td>
                  <span className="muted small">{AREA_ZH[it.area]}</span> {labelOf(it)}
                  {it.row ? ` ${it.row.label}` : null}
                </td>
                {conflict.baseKnown ? <td>{mergeItemText(it, 'base')}</td> : null}
                <td>{mergeItemText(it, 'server')}</td>
                <td>{mergeItemText(it, 'mine')}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  {it.kind === 'conflict' ? (
                    <span role="radiogroup" aria-label={`采用 ${labelOf(it)}${it.row ? ` ${it.row.label}` : ''}`}>
                      {(['mine', 'server'] as const).map((side) => (
                        <label key={side} style={{ marginRight: 8 }}>
                          <input type="radio" name={`merge-${it.key}`} checked={choices[it.key] === side} onChange={() => setChoices((c) => ({ ...c, [it.key]: side }))} />
                          {side === 'mine' ? '您的' : '服务器的'}
                        </label>
                      ))}
                    </span>
                  ) : (
                    <span className="muted" style={{ whiteSpace: 'normal' }}>
                      {settled(it)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div>表单与服务器最新版本的内容相同。</div>
      )}
      <div>
        {conflicts.length ? (
          <>
            <button type="button" className="small-btn" onClick={() => chooseAll('mine')}>
              双方都改过的全部用您的
            </button>{' '}
            <button type="button" className="small-btn" onClick={() => chooseAll('server')}>
              双方都改过的全部用服务器的
            </button>{' '}
          </>
        ) : null}
        <button type="button" className="primary" disabled={open > 0} title={open ? `还有 ${open} 项双方都改过，请选择采用哪一方的内容` : undefined} onClick={() => onResolve(choices)}>
          在服务器最新版本上保留我的修改
        </button>
        {open ? <span className="muted small"> 还有 {open} 项待选择</span> : null}
      </div>
    </section>
  );
}
