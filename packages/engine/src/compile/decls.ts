/** The scheme's declared facts and metrics, indexed, with labels and display of values. */
import { plain, toDec, type RoundMode } from '../decimal/dec.ts';
import { showMoney, showPercent } from '../display/index.ts';
import type { Scheme } from '../format/scheme-types.ts';
import type { Decls } from '../rules/kind.ts';

/** Builds the declarations view rules use at compile time. */
export function buildDecls(scheme: Scheme): Decls {
  const inputs = new Map(scheme.inputs.map((i) => [i.id, i]));
  const metrics = new Map((scheme.metrics ?? []).map((m) => [m.id, m]));
  const typeOf = (id: string) => inputs.get(id)?.type ?? metrics.get(id)?.type;
  return {
    inputs,
    metrics,
    typeOf,
    label: (id) => inputs.get(id)?.label ?? metrics.get(id)?.label ?? id,
    showValue(id, v) {
      const t = typeOf(id);
      if (typeof v === 'boolean') return v ? '是' : '否';
      const d = toDec(v);
      if (d === null) return String(v);
      if (t === 'percent') return showPercent(d, 4);
      if (t === 'money') return `${showMoney(d)}${inputs.get(id)?.unit ?? ''}`;
      const unit = inputs.get(id)?.unit;
      return `${plain(d)}${unit && unit !== '%' ? unit : ''}`;
    },
    year: scheme.year,
    rounding: {
      places: scheme.rounding.places,
      mode: (scheme.rounding.mode ?? 'half-up') as RoundMode,
      stages: scheme.rounding.stages,
    },
    calendar: new Map((scheme.calendar ?? []).map((c) => [c.id, c])),
    bandTables: new Map((scheme.bandTables ?? []).map((t) => [t.id, t])),
  };
}
