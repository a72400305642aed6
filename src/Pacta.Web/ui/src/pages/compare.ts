import { h, s } from '../dom';
import { get, agreements } from '../api';
import { setUrlState, type PageState } from '../main';
import { saveBox } from './savebox';
import { contestedClauses, readingsControl, readingsUsed } from './readings';

const palette = ['#2166ac', '#b2182b', '#1b7837', '#762a83', '#e08214', '#35978f', '#8c510a', '#c51b7d'];

/**
 * Compare: pick agreements (kept in the order they were picked, not the list's order) and a reference, which
 * defaults to the first picked; see the dimension table (the reference first) and a chart of the scores.
 */
export async function comparePage(main: HTMLElement, state: PageState) {
  const picked: string[] = ([] as string[]).concat((state.agreement as any) ?? []);
  let reference: string = typeof state.reference === 'string' ? state.reference : '';
  // Choices of reading of the compared agreements' contested clauses (AGREEMENT[/PROVISION]:CLAUSE=READING each).
  let reading: string[] = ([] as string[]).concat((state.reading as any) ?? []);
  const list = await agreements();
  const titles = new Map<string, string>(list.map((a: any) => [a.id, a.title]));
  const select = h('select', { id: 'compare-pick', name: 'agreement', multiple: true, size: 12 },
    list.map((a: any) => h('option', { value: a.id, selected: picked.includes(a.id) }, `${a.id} — ${a.title}`))) as HTMLSelectElement;
  const refSelect = h('select', { id: 'compare-reference', name: 'reference' }) as HTMLSelectElement;
  // The options' own order is alphabetical: keep what stays selected in picking order and add new picks at the end.
  const sync = () => {
    const now = [...select.selectedOptions].map(o => o.value);
    const kept = picked.filter(id => now.includes(id));
    picked.splice(0, picked.length, ...kept, ...now.filter(id => !kept.includes(id)));
    if (!picked.includes(reference)) reference = picked[0] ?? '';
    refSelect.replaceChildren(...picked.map(id => h('option', { value: id, selected: id === reference }, `${id} — ${titles.get(id) ?? ''}`)));
    refSelect.disabled = picked.length === 0;
  };
  select.addEventListener('change', sync);
  refSelect.addEventListener('change', () => { reference = refSelect.value; });
  sync();
  const out = h('div', { 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  main.append(h('h1', {}, 'Compare agreements'),
    h('form', { class: 'compare-form', onsubmit: (e: Event) => { e.preventDefault(); sync(); load(); } },
      h('label', { for: 'compare-pick' }, 'Agreements (choose two or more, in the order you want them)'), select,
      h('label', { for: 'compare-reference' }, 'Reference (the others are measured against it; default: the first picked)'), refSelect,
      h('button', { type: 'submit', class: 'primary' }, 'Compare'), error),
    out);

  async function load() {
    error.textContent = '';
    setUrlState({ agreement: picked, reference, reading });
    if (picked.length < 2) { out.replaceChildren(); return; }
    try {
      const [c, all] = await Promise.all([get('/api/compare', { agreement: picked, reference, reading }), contestedClauses()]);
      const ids = c.agreements.map((a: any) => a.id);
      const clauses = all.filter((x: any) => ids.includes(x.agreement));
      out.replaceChildren(
        saveBox('compare', () => ({ agreement: picked, reference, reading }), `compare ${picked.join(', ')}`),
        readingsUsed(c.readings) ?? '',
        clauses.length ? readingsControl(clauses, c.readings ?? [], r => { reading = r; load(); }) : '',
        h('div', { class: 'scroll' }, h('table', { 'data-testid': 'comparison' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Dimension'), c.agreements.map((a: any, i: number) =>
            h('th', { scope: 'col' }, h('a', { href: `/agreements/${a.id}` }, a.id), i === 0 ? ' (reference)' : '')))),
          h('tbody', {}, c.dimensions.map((d: any) => h('tr', {},
            h('th', { scope: 'row', title: d.meaning }, d.dimension),
            d.values.map((v: any, i: number) => h('td', { class: i === 0 ? '' : `v-${v.verdict.replace(' ', '-')}`, title: v.note ?? '' },
              v.text, i > 0 && v.verdict && v.verdict !== 'same' ? h('small', {}, ` — ${v.verdict}`) : null))))))),
        chart(c));
    } catch (e: any) { error.textContent = e.message; }
  }
  await load();
}

function chart(c: any): HTMLElement {
  const dims = c.dimensions.filter((d: any) => d.values.some((v: any) => v.score !== null));
  const n = c.agreements.length, barH = 10, gap = 14, left = 190, width = 420;
  const height = dims.length * (n * barH + gap) + 10;
  const svg = s('svg', { viewBox: `0 0 ${left + width + 60} ${height}`, class: 'chart', role: 'img', 'aria-label': 'Scores by dimension (0–1)', 'data-testid': 'compare-chart' });
  dims.forEach((d: any, k: number) => {
    const y0 = k * (n * barH + gap);
    svg.append(s('text', { x: left - 6, y: y0 + (n * barH) / 2 + 4, 'text-anchor': 'end', class: 'axis' }, d.dimension));
    d.values.forEach((v: any, i: number) => {
      const w = (v.score ?? 0) * width;
      svg.append(s('rect', { x: left, y: y0 + i * barH, width: Math.max(1, w), height: barH - 1, fill: palette[i % palette.length] },
        s('title', {}, `${v.agreement}: ${v.score ?? 'n/a'} — ${v.text}`)),
        s('text', { x: left + w + 4, y: y0 + i * barH + barH - 2, class: 'bar-value' }, v.score ?? '–'));
    });
  });
  return h('figure', { class: 'chartbox' }, svg,
    h('figcaption', {}, h('ul', { class: 'legend' }, c.agreements.map((a: any, i: number) => h('li', {}, h('i', { style: `background:${palette[i % palette.length]}` }), a.id)))));
}
