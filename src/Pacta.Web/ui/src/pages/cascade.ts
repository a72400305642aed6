import cytoscape from 'cytoscape';
import { h, field, stateLabel } from '../dom';
import { get, states } from '../api';
import { setUrlState, type PageState } from '../main';

const sideColour: Record<string, string> = { attacker: '#333', defender: '#2166ac' };

/**
 * Cascade: the rounds in which states are drawn in, as a graph laid out round by round (left to right), the path
 * that drew a state in on hover or focus, and with Monte Carlo trials the probability of each being drawn in as bars.
 */
export async function cascadePage(main: HTMLElement, state: PageState) {
  const st: any = { attacker: '', target: '', date: '', trials: '', ...state };
  const stateList = await states();
  const inputs = {
    attacker: h('input', { name: 'attacker', list: 'dl-cs', value: st.attacker, required: true, autocomplete: 'off' }) as HTMLInputElement,
    target: h('input', { name: 'target', list: 'dl-cs', value: st.target, required: true, autocomplete: 'off' }) as HTMLInputElement,
    date: h('input', { name: 'date', type: 'date', value: st.date, required: true }) as HTMLInputElement,
    trials: h('input', { name: 'trials', type: 'number', min: '0', max: '100000', step: '1000', value: st.trials, placeholder: '0 = deterministic' }) as HTMLInputElement,
  };
  const error = h('p', { class: 'error', role: 'alert' });
  const out = h('div', { 'aria-live': 'polite' });
  main.append(h('h1', {}, 'Cascade'),
    h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); for (const [k, el] of Object.entries(inputs)) st[k] = el.value.trim(); run(); } },
      h('datalist', { id: 'dl-cs' }, stateList.filter((x: any) => x.iso3).map((x: any) => h('option', { value: x.iso3 }, x.name))),
      field('Attacker', inputs.attacker), field('Target', inputs.target), field('Date', inputs.date), field('Monte Carlo trials', inputs.trials),
      h('button', { type: 'submit', class: 'primary' }, 'Run')), error, out);

  async function run() {
    error.textContent = '';
    setUrlState(st);
    if (!st.attacker || !st.target || !st.date) return;
    out.replaceChildren(h('p', {}, 'Running …'));
    try {
      render(await get('/api/cascade', st));
    } catch (e: any) { error.textContent = e.message; out.replaceChildren(); }
  }

  const step = (p: any) => `round ${p.round}: ${p.event.attacker.iso3 ?? p.event.attacker.name} ${p.event.kind === 'war-involvement' ? 'at war with' : 'attacks'} ${p.event.target.iso3 ?? p.event.target.name} → ${p.agreement} ${p.provision} (${p.kind}): ${p.obligor.iso3 ?? p.obligor.name} owes ${p.beneficiary.iso3 ?? p.beneficiary.name}`;

  function render(c: any) {
    const drawn = c.states.filter((s: any) => s.role !== 'outside');
    const path = h('div', { class: 'info', 'aria-live': 'polite' }, 'Hover or select a state to see the path that drew it in.');
    const graph = h('div', { class: 'graph', 'data-testid': 'cascade-graph', role: 'img', 'aria-label': `Cascade in ${c.rounds} round(s)` });
    // Round by round from left to right; a round with many states wraps into several columns of ten.
    const rounds = [...new Set<number>(drawn.map((s: any) => s.round))].sort((a, b) => a - b);
    const elements: any[] = [];
    let column = 0;
    for (const r of rounds) {
      const members = drawn.filter((s: any) => s.round === r);
      members.forEach((s: any, i: number) => elements.push({
        data: { id: `s${s.state.cow}`, label: s.state.iso3 ?? s.state.name, colour: sideColour[s.side] ?? '#ef8a62', s },
        position: { x: (column + Math.floor(i / 10)) * 70 + r * 50, y: (i % 10) * 50 },
      }));
      column += Math.ceil(members.length / 10);
    }
    for (const s of drawn) {
      const last = s.path[s.path.length - 1];
      if (last && drawn.some((x: any) => x.state.cow === last.beneficiary.cow))
        elements.push({ data: { id: `e${s.state.cow}`, source: `s${last.beneficiary.cow}`, target: `s${s.state.cow}`, label: `${last.agreement} ${last.provision}` } });
    }
    const show = (s: any) => path.replaceChildren(h('h3', {}, `${stateLabel(s.state)} — ${s.role}${s.side ? ', ' + s.side + ' side' : ''}, round ${s.round}`),
      s.path.length ? h('ol', {}, s.path.map((p: any) => h('li', {}, step(p)))) : h('p', {}, s.initial ? 'initial belligerent' : s.kept_out_by ? `kept out by ${s.kept_out_by.agreement} ${s.kept_out_by.provision}` : ''));
    out.replaceChildren(
      h('h2', {}, `${drawn.length} state(s) drawn in over ${c.rounds} round(s)${c.capped ? ' (capped)' : ''}`),
      h('div', { class: 'network' }, graph, path),
      h('ul', { class: 'legend' }, h('li', {}, h('i', { style: 'background:#333' }), "attacker's side"), h('li', {}, h('i', { style: 'background:#2166ac' }), "defender's side"), h('li', {}, h('i', { style: 'background:#ef8a62' }), 'supporter or kept out')),
      h('details', {}, h('summary', {}, 'Rounds as a list'), h('ol', { class: 'plain', 'data-testid': 'cascade-list' }, drawn.map((s: any) =>
        h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => show(s) }, s.state.iso3 ?? s.state.name), ` round ${s.round}, ${s.role}${s.side ? ', ' + s.side : ''}`)))));
    const cy = cytoscape({
      container: graph, elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 12, width: 18, height: 18, 'background-color': 'data(colour)' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.7 } },
      ] as any,
      layout: { name: 'preset', fit: true, padding: 20 } as any,
    });
    cy.on('mouseover tap', 'node', ev => show(ev.target.data('s')));

    const mc = c.monte_carlo;
    if (mc) {
      const rows = mc.states.filter((s: any) => s.drawn_in.p > 0).sort((a: any, b: any) => b.drawn_in.p - a.drawn_in.p).slice(0, 40);
      out.append(h('h2', {}, `Probability of being drawn in (${mc.trials} trials, ${mc.preset.id})`),
        h('ul', { class: 'plain bars', 'data-testid': 'cascade-bars' }, rows.map((s: any) => h('li', {},
          h('span', { class: 'bar-name' }, stateLabel(s.state)),
          h('span', { class: 'bar-track', title: `${(s.drawn_in.low * 100).toFixed(1)}–${(s.drawn_in.high * 100).toFixed(1)} %` }, h('span', { class: 'bar-fill', style: `width:${(s.drawn_in.p * 100).toFixed(1)}%` })),
          ` ${(s.drawn_in.p * 100).toFixed(1)} %`))),
        h('p', { class: 'src' }, mc.preset.finding, ' — ', mc.preset.citation));
    }
  }
  await run();
}
