import cytoscape from 'cytoscape';
import { h, field, stateLabel } from '../dom';
import { get } from '../api';
import { strengthColours } from '../map';
import { setUrlState, type PageState } from '../main';
import { provisionHref } from '../explain';

/** Who guarantees whom on a chosen day: a graph of obligor → beneficiary edges, coloured by strength. */
export async function networkPage(main: HTMLElement, state: PageState) {
  const st: any = { on: new Date().toISOString().slice(0, 10), kind: '', origin: 'pacta', ...state };
  const on = h('input', { type: 'date', name: 'on', value: st.on }) as HTMLInputElement;
  const kind = h('select', { name: 'kind' }, ['', 'defense', 'assistance', 'consultation', 'neutrality', 'non-aggression', 'offense'].map(k => h('option', { value: k, selected: st.kind === k }, k || 'any'))) as HTMLSelectElement;
  const origin = h('select', { name: 'origin' }, ['pacta', 'atop', ''].map(k => h('option', { value: k, selected: st.origin === k }, k || 'both'))) as HTMLSelectElement;
  const graph = h('div', { class: 'graph', 'data-testid': 'network', role: 'img', 'aria-label': 'Guarantee network' });
  const info = h('div', { class: 'info', 'aria-live': 'polite' }, 'Select a state or a guarantee to see the agreements behind it.');
  const table = h('div');
  main.append(h('h1', {}, 'Guarantee network'),
    h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); st.on = on.value; st.kind = kind.value; st.origin = origin.value; load(); } },
      field('On', on), field('Provision kind', kind), field('Origin', origin), h('button', { type: 'submit', class: 'primary' }, 'Show')),
    h('div', { class: 'network' }, graph, info), table);

  async function load() {
    setUrlState(st);
    const net = await get('/api/network', st);
    const names = new Map<number, any>(net.states.map((s: any) => [s.cow, s]));
    const elements: any[] = net.states.map((s: any) => ({ data: { id: `s${s.cow}`, label: s.iso3 ?? s.name } }));
    net.guarantees.forEach((g: any, i: number) => elements.push({ data: { id: `g${i}`, source: `s${g.obligor}`, target: `s${g.beneficiary}`, colour: strengthColours[g.strength], g } }));
    const cy = cytoscape({
      container: graph, elements, wheelSensitivity: 0.2,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, width: 14, height: 14, 'background-color': '#2166ac', color: '#111' } },
        { selector: 'edge', style: { width: 1, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.5, 'curve-style': 'bezier', opacity: 0.6 } },
        { selector: '.faded', style: { opacity: 0.08 } },
      ] as any,
      layout: { name: 'cose', animate: false, randomize: false } as any,
    });
    const describe = (list: any[]) => h('ul', {}, list.map(g => h('li', {}, `${stateLabel(names.get(g.obligor))} → ${stateLabel(names.get(g.beneficiary))} (${g.strength}): `,
      g.agreements.map((a: any, i: number) => [i ? '; ' : '', h('a', { href: provisionHref(a.agreement, a.provision) }, `${a.agreement} ${a.provision}`), ` ${a.kind}, ${a.bindingness}`]))));
    cy.on('tap', 'node', ev => {
      const n = ev.target; cy.elements().addClass('faded'); n.closedNeighborhood().removeClass('faded');
      const cow = Number(n.id().slice(1));
      info.replaceChildren(h('h2', {}, stateLabel(names.get(cow))),
        h('h3', {}, 'Guaranteed by'), describe(net.guarantees.filter((g: any) => g.beneficiary === cow)),
        h('h3', {}, 'Guarantees'), describe(net.guarantees.filter((g: any) => g.obligor === cow)));
    });
    cy.on('tap', 'edge', ev => info.replaceChildren(describe([ev.target.data('g')])));
    cy.on('tap', ev => { if (ev.target === cy) cy.elements().removeClass('faded'); });
    // The same content as a table, for keyboard and screen-reader users.
    table.replaceChildren(h('details', {}, h('summary', {}, `${net.guarantees.length} guarantee(s) among ${net.states.length} state(s) on ${net.date} — as a list`), describe(net.guarantees)));
  }
  await load();
}
