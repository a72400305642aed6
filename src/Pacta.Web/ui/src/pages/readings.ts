import { h } from '../dom';
import { get } from '../api';

let clausesCache: Promise<any[]> | null = null;
/** Every contested clause of the corpus (/api/readings), fetched once. */
export const contestedClauses = () => (clausesCache ??= get('/api/readings').then((r: any) => r.clauses));

/** A clause's address as the API's `reading` takes it: AGREEMENT/PROVISION:CLAUSE or AGREEMENT:CLAUSE. */
export const clauseKey = (c: any) => `${c.agreement}${c.provision_id ? '/' + c.provision_id : ''}:${c.clause}`;

/**
 * The clauses worth offering for a result: those of agreements the result triggers or breaches, and those of any
 * agreement whose provision the result lists as not triggered for a reason other than being out of force or about
 * another target (where another reading can change the answer: a post-war gate, an attacker, who is bound).
 */
export function relevantClauses(all: any[], o: any): any[] {
  const ids = new Set<string>([...o.triggered, ...o.breached].map((t: any) => t.agreement));
  for (const n of o.not_triggered) if (!/^(wrong target|not in force)/.test(n.reason)) ids.add(n.agreement);
  for (const r of o.readings ?? []) if (!r.default) ids.add(r.agreement);
  return all.filter(c => ids.has(c.agreement));
}

/**
 * The Readings control: each contested clause with its question, its readings (summary and sources), and the default
 * with why. The reading in force is the one the result says it applied. Choosing another calls `choose` with the
 * whole set of non-default choices, one explicit AGREEMENT[/PROVISION]:CLAUSE=READING each.
 */
export function readingsControl(clauses: any[], applied: any[], choose: (reading: string[]) => void): HTMLElement {
  const inForce = new Map<string, string>(applied.map((r: any) => [clauseKey(r), r.reading]));
  const current = (c: any) => inForce.get(clauseKey(c)) ?? c.applied ?? c.default;
  const choices = (changed: any, reading: string) => clauses
    .map(c => [c, c === changed ? reading : current(c)] as [any, string])
    .filter(([c, r]) => r !== c.default).map(([c, r]) => `${clauseKey(c)}=${r}`);
  const nonDefault = clauses.filter(c => current(c) !== c.default).length;
  return h('details', { class: 'readings', 'data-testid': 'readings', open: nonDefault > 0 },
    h('summary', {}, `Readings: ${clauses.length} contested clause${clauses.length === 1 ? '' : 's'} in this result`,
      nonDefault ? ` (${nonDefault} not the default)` : ' (all defaults)'),
    h('p', { class: 'note' }, 'Where sources read a clause more than one way, each reading is kept with its sources. Choose one to evaluate again under it.'),
    clauses.map(c => {
      const name = `reading-${clauseKey(c)}`;
      return h('fieldset', { class: 'clause', 'data-clause': clauseKey(c) },
        h('legend', {}, h('code', {}, c.agreement), c.provision ? ` ${c.provision}` : '', ` — ${c.question}`),
        c.readings.map((r: any) => {
          const id = `${name}-${r.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
          const input = h('input', {
            type: 'radio', name, value: r.id, id, checked: current(c) === r.id,
            onchange: () => choose(choices(c, r.id)),
          });
          return h('div', { class: 'reading' },
            h('label', { class: 'check', for: id }, input, h('span', {}, h('code', {}, r.id), r.id === c.default ? h('span', { class: 'tag' }, 'default') : null, ` ${r.summary}`)),
            r.sources.length ? h('small', { class: 'sources' }, 'Sources: ', r.sources.map((s: any, i: number) => [i ? ', ' : '',
              s.url ? h('a', { href: s.url, rel: 'noreferrer', target: '_blank' }, s.id) : s.id])) : null);
        }),
        h('p', { class: 'note default-reason' }, h('strong', {}, `Default ${c.default}: `), c.default_reason));
    }));
}

/** The readings a result used, in words; those not the default marked. */
export function readingsUsed(applied: any[]): HTMLElement | null {
  if (!applied?.length) return null;
  const chosen = applied.filter(r => !r.default);
  return h('p', { class: 'readings-used', 'data-testid': 'readings-used' },
    chosen.length ? `Readings chosen: ${chosen.map(r => `${r.agreement}${r.provision ? ' ' + r.provision : ''} ${r.clause} = ${r.reading}`).join('; ')}; the other ${applied.length - chosen.length} contested clause(s) at their default.`
      : `Readings: the default of each of ${applied.length} contested clause(s).`);
}

/** A tag for an item that depends on a contested reading, naming it. */
export function readingTag(item: any): HTMLElement | null {
  const deps: any[] = item.depends_on_readings ?? [];
  if (!deps.length) return null;
  return h('span', { class: 'tag contested', 'data-testid': 'depends-on-reading', title: 'This result depends on how a contested clause is read' },
    `depends on reading: ${deps.map(d => `${d.clause} = ${d.reading}${d.default ? ' (default)' : ''}`).join(', ')}`);
}
