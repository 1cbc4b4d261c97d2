/**
 * 指标结构: the indicator tree for renaming, reweighting, adding, removing and reordering
 * indicators. Each parent shows the engine's warnings about it (e.g. its children's 分值 do not add
 * up to its own) right on its row, as soon as a weight changes.
 */
import type { Indicator, Issue } from '../model/types.ts';
import { IconButton, IssueList, NumField, TextField } from './fields.tsx';
import { issuesAt } from '../model/issues.ts';
import { indicatorIds } from '../model/ids.ts';
import { newIndicator, withNewChild } from '../model/tree.ts';
import { kindLabel } from '../model/rule-kinds.ts';
import { numToText } from '../model/num.ts';

const LEVEL = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标'];

export interface StructureTreeProps {
  /** The scheme document (its `indicators` and `totalPoints` are used). */
  doc: { indicators: Indicator[]; totalPoints: unknown };
  onChange: (indicators: Indicator[]) => void;
  onTotalChange?: (v: number | string) => void;
  /** Engine issues with absolute pointers. */
  issues: readonly Issue[];
  onOpen?: (ptr: string) => void;
}

export function StructureTree({ doc, onChange, onTotalChange, issues, onOpen }: StructureTreeProps) {
  const ids = indicatorIds(doc);
  const rootIssues = issues.filter((i) => i.path === '' || i.path === '/indicators' || i.path === '/totalPoints');
  return (
    <div className="structure">
      <div className="structure-total">
        <span>方案总分</span>
        <NumField label="方案总分" value={doc.totalPoints} unit="分" onChange={(v) => v !== undefined && onTotalChange?.(v)} />
        <IssueList issues={rootIssues.filter((i) => i.code !== undefined)} />
      </div>
      <NodeList
        list={doc.indicators}
        level={0}
        basePtr="/indicators"
        issues={issues}
        ids={ids}
        onChange={onChange}
        {...(onOpen ? { onOpen } : {})}
      />
      <div className="table-actions">
        <IconButton label="添加一级指标" onClick={() => onChange([...doc.indicators, newIndicator(ids)])}>
          ＋ 添加一级指标
        </IconButton>
      </div>
    </div>
  );
}

interface NodeListProps {
  list: Indicator[];
  level: number;
  basePtr: string;
  issues: readonly Issue[];
  ids: ReadonlySet<string>;
  onChange: (list: Indicator[]) => void;
  onOpen?: (ptr: string) => void;
}

function NodeList({ list, level, basePtr, issues, ids, onChange, onOpen }: NodeListProps) {
  const set = (i: number, n: Indicator) => onChange(list.map((x, j) => (j === i ? n : x)));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= list.length) return;
    const next = list.slice();
    [next[i], next[j]] = [next[j] as Indicator, next[i] as Indicator];
    onChange(next);
  };
  return (
    <ul className={`tree level-${level}`} role={level === 0 ? 'tree' : 'group'}>
      {list.map((node, i) => {
        const ptr = `${basePtr}/${i}`;
        const own = issuesAt(issues, ptr).concat(issuesAt(issues, `${ptr}/points`), issuesAt(issues, `${ptr}/children`));
        const isParent = Array.isArray(node.children) && node.children.length > 0;
        return (
          <li key={`${node.id}-${i}`} role="treeitem" aria-label={node.name} data-ptr={ptr}>
            <div className={`tree-row${own.some((x) => x.severity === 'error') ? ' row-error' : own.length ? ' row-warning' : ''}`}>
              <span className="level-tag">{LEVEL[level] ?? `${level + 1}级`}</span>
              <TextField label={`${node.name} 名称`} value={node.name} width={200} onChange={(t) => set(i, { ...node, name: t })} />
              <NumField label={`${node.name} 分值`} value={node.points} unit="分" width={60} onChange={(v) => v !== undefined && set(i, { ...node, points: v })} />
              {isParent ? null : (
                <button type="button" className="link" onClick={() => onOpen?.(ptr)} title="在评分表中编辑计分规则">
                  {node.rule ? kindLabel(node.rule.kind) : '无规则'}
                </button>
              )}
              <span className="row-actions">
                <IconButton label={`${node.name} 上移`} onClick={() => move(i, -1)} disabled={i === 0}>
                  ↑
                </IconButton>
                <IconButton label={`${node.name} 下移`} onClick={() => move(i, 1)} disabled={i === list.length - 1}>
                  ↓
                </IconButton>
                <IconButton label={`给 ${node.name} 添加下级指标`} onClick={() => set(i, withNewChild(node, ids))}>
                  ＋下级
                </IconButton>
                <IconButton
                  label={`删除 ${node.name}`}
                  onClick={() => {
                    if (window.confirm(`删除指标“${node.name}”${isParent ? '及其全部下级指标' : ''}？`)) onChange(list.filter((_, j) => j !== i));
                  }}
                >
                  删除
                </IconButton>
              </span>
            </div>
            {own.length ? <IssueList issues={own} /> : null}
            {isParent ? (
              <NodeList
                list={node.children as Indicator[]}
                level={level + 1}
                basePtr={`${ptr}/children`}
                issues={issues}
                ids={ids}
                onChange={(children) => set(i, { ...node, children })}
                {...(onOpen ? { onOpen } : {})}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export { numToText };
