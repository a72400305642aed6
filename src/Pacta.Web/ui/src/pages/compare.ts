import { h, s } from '../dom';
import { get, agreements } from '../api';
import { setUrlState, type PageState } from '../main';
import { saveBox } from './savebox';

const palette = ['#2166ac', '#b2182b', '#1b7837', '#762a83', '#e08214', '#35978f', '#8c510a', '#c51b7d'];

/** Compare: pick agreements (the first is the reference), see the dimension table and a chart of the scores. */
export async function comparePage(main: HTMLElement, state: PageState) {
  const picked: string[] = ([] as string[]).concat((state.agreement as any) ?? []);
  const list = await agreements();
  const select = h('select', { id: 'compare-pick', name: 'agreement', multiple: true, size: 12 },
    list.map((a: any) => h('option', { value: a.id, selected: picked.includes(a.id) }, `${a.id} — ${a.title}`))) as HTMLSelectElement;
  const out = h('div', { 'aria-live': 'polite' });
  const error = h('p', { class: 'error', role: 'alert' });
  main.append(h('h1', {}, 'Compare agreements'),
    h('form', { class: 'compare-form', onsubmit: (e: Event) => { e.preventDefault(); picked.splice(0, picked.length, ...[...select.selectedOptions].map(o => o.value)); load(); } },
      h('label', { for: 'compare-pick' }, 'Agreements (choose two or more; the first in the list is the reference)'), select,
      h('button', { type: 'submit', class: 'primary' }, 'Compare'), error),
    out);

  async function load() {
    error.textContent = '';
    setUrlState({ agreement: picked });
    if (picked.length < 2) { out.replaceChildren(); return; }
    try {
      const c = await get('/api/compare', { agreement: picked });
      out.replaceChildren(
        saveBox('compare', () => ({ agreement: picked }), `compare ${picked.join(', ')}`),
        h('div', { class: 'scroll' }, h('table', { 'data-testid': 'comparison' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Dimension'), c.agreements.map((a: any, i: number) =>
            h('th', { scope: 'col' }, h('a', { href: `/agreements/${a.id}` }, a.id), i === 0 ? ' (reference)' : '')))),
          h('tbody', {}, c.dimensions.map((d: any) => h('tr', {},
            h('th', { scope: 'row', title: d.meaning }, d.dimension),
            d.values.map((v: any, i: number) => h('td', { class: i === 0 ? '' : `v-${v.verdict}` }, v.text, i > 0 && v.verdict ? h('small', {}, ` [${v.verdict}]`) : null))))))),
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
