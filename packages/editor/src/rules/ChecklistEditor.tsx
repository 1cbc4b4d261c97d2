/**
 * 评分要点 editor: each item's original wording, its points and the yes/no fact that says whether
 * it is met. Items can be added, removed and reordered; a new item gets a new boolean fact
 * declared in the scheme's inputs (through `declareFact`).
 */
import type { ChecklistRule, Issue } from '../model/types.ts';
import { IconButton, IssueList, NumField, TextField } from '../components/fields.tsx';
import { RowActions, RowIssues, listOps } from './list-rows.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { issuesUnder } from '../model/issues.ts';
import { uniqueId } from '../model/ids.ts';
import { useEditorContext } from '../components/editor-context.tsx';

type Item = ChecklistRule['items'][number];

export interface ChecklistEditorProps {
  rule: ChecklistRule;
  onChange: (rule: ChecklistRule) => void;
  issues: readonly Issue[];
  /** Declares a new boolean input (id, label); called when an item is added. */
  declareFact?: (id: string, label: string) => void;
}

export function ChecklistEditor({ rule, onChange, issues, declareFact }: ChecklistEditorProps) {
  const { names } = useEditorContext();
  const items = Array.isArray(rule.items) ? rule.items : [];
  const setItems = (next: Item[]) => onChange({ ...rule, items: next });
  const ops = listOps(items, setItems);
  const setItem = ops.setAt;
  const add = () => {
    const taken = new Set([...items.map((x) => x.id), ...names.map((n) => n.id)]);
    const id = uniqueId('要点', taken);
    const fact = uniqueId(`${id}_达到`, taken);
    declareFact?.(fact, `要点“${id}”是否达到`);
    setItems([...items, { id, text: '', points: 1, fact }]);
  };
  const listIssues = issues.filter((i) => !/^\/items\/[0-9]+/.test(i.path));
  return (
    <div className="checklist-editor">
      <table className="checklist-table" aria-label="评分要点">
        <thead>
          <tr>
            <th>序号</th>
            <th>要点（原文）</th>
            <th>分值</th>
            <th>是否达到（是/否事实）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => {
            const ri = issuesUnder(issues, `/items/${i}`);
            return [
              <tr key={`r${i}`} className={ri.length ? 'row-error' : undefined}>
                <td>{i + 1}</td>
                <td>
                  <TextField label={`要点${i + 1}原文`} value={it.text} multiline width="100%" onChange={(t) => setItem(i, { ...it, text: t })} />
                </td>
                <td>
                  <NumField label={`要点${i + 1}分值`} value={it.points} unit="分" width={56} onChange={(v) => v !== undefined && setItem(i, { ...it, points: v })} />
                </td>
                <td>
                  <MetricPicker label={`要点${i + 1}对应事实`} value={it.fact} types={['boolean']} factsOnly onChange={(f) => setItem(i, { ...it, fact: f })} />
                </td>
                <RowActions item={`要点${i + 1}`} index={i} count={items.length} ops={ops} />
              </tr>,
              <RowIssues key={`i${i}`} issues={ri} span={4} />,
            ];
          })}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label="添加要点" onClick={add}>
          ＋ 添加要点
        </IconButton>
      </div>
      <IssueList issues={listIssues} title="要点检查" />
    </div>
  );
}
