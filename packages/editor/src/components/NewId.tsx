/** A small "new identifier" form (事实、计算指标、节点日期): letters/Chinese first, then letters, digits, _ . - */
import { uniqueId } from '../model/ids.ts';

/** A small "new identifier" form: letters/Chinese first, then letters, digits, _ . - */
export function NewId({ label, taken, onAdd }: { label: string; taken: ReadonlySet<string>; onAdd: (id: string) => void }) {
  return (
    <form
      className="table-actions"
      onSubmit={(e) => {
        e.preventDefault();
        const input = (e.currentTarget.elements.namedItem('id') as HTMLInputElement | null) ?? null;
        const raw = input?.value.trim() ?? '';
        if (!/^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(raw)) {
          window.alert('标识须以字母或汉字开头，只含字母、汉字、数字、_ . -');
          return;
        }
        onAdd(taken.has(raw) ? uniqueId(raw, taken) : raw);
        if (input) input.value = '';
      }}
    >
      <input name="id" aria-label={`${label}的标识`} placeholder="标识，如 满意度" style={{ width: 160 }} />{' '}
      <button type="submit" className="icon-btn">
        ＋ {label}
      </button>
    </form>
  );
}
