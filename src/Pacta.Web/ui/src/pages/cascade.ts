import cytoscape from 'cytoscape';
import { h, field, stateLabel } from '../dom';
import { get, states } from '../api';
import { setUrlState, type PageState } from '../main';

/**
 * Cascade: the rounds in which states are drawn in, as a graph (round by round, left to right), the probability of
 * each state joining as bars, and the path that drew a state in on hover.
 */
export async function cascadePage(main: HTMLElement, state: PageState) {
  const st: any = { attacker: '', target: '', date: '', trials: '', ...state };
  const stateList = await states();
  const inputs = {
    attacker: h('input', { name: 'attacker', list: 'dl-cs', value: st.attacker, required: true }) as HTMLInputElement,
    target: h('input', { name: 'target', list: 'dl-cs', value: st.target, required: true }) as HTMLInputElement,
    date: h('input', { name: 'date', type: 'date', value: st.date, required: true }) as HTMLInputElement,
    trials: h('input', { name: 'trials', type: 'number', min: '0', max: '100000', value: st.trials, placeholder: '0 = deterministic' }) as HTMLInputElement,
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
    try {
      render(await get('/api/cascade', st));
    } catch (e: any) { error.textContent = e.message; out.replaceChildren(); }
  }

  function render(c: any) {
    const rounds: any[] = c.rounds ?? [];
    const graph = h('div', { class: 'graph', 'data-testid': 'cascade-graph', role: 'img', 'aria-label': 'Cascade rounds' });
    const path = h('p', { class: 'info', 'aria-live': 'polite' }, 'Hover a state to see the path that drew it in.');
    const elements: any[] = [];
    const seen = new Set<string>();
    const key = (s: any) => `s${s.cow}`;
    rounds.forEach((r: any, i: number) => (r.joined ?? r.states ?? []).forEach((j: any) => {
      const s = j.state ?? j;
      if (seen.has(key(s))) return; seen.add(key(s));
      elements.push({ data: { id: key(s), label: s.iso3 ?? s.name, round: i, path: j.path ?? [], side: j.side ?? '' } });
    }));
    rounds.forEach((r: any) => (r.joined ?? []).forEach((j: any) => {
      const via = j.via?.state ?? j.via;
      if (via && seen.has(key(via)) && j.state) elements.push({ data: { id: `${key(via)}-${key(j.state)}`, source: key(via), target: key(j.state) } });
    }));
    out.replaceChildren(h('h2', {}, `${rounds.length} round(s)`), h('div', { class: 'network' }, graph, path));
    const cy = cytoscape({
      container: graph, elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#b2182b' } },
        { selector: 'edge', style: { width: 1.5, 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
      ] as any,
      layout: { name: 'breadthfirst', directed: true } as any,
    });
    cy.on('mouseover', 'node', ev => path.textContent = `${ev.target.data('label')} (round ${ev.target.data('round')}): ${[].concat(ev.target.data('path')).map((p: any) => typeof p === 'string' ? p : `${p.agreement ?? ''} ${p.provision ?? ''}`).join(' → ') || 'initial'}`);
    const probs: any[] = c.probabilities ?? c.states ?? [];
    if (probs.length) out.append(h('h2', {}, 'Probability of joining'), h('ul', { class: 'plain bars', 'data-testid': 'cascade-bars' }, probs.map((p: any) => {
      const v = p.probability ?? p.p ?? 0;
      return h('li', {}, h('span', { class: 'bar-name' }, stateLabel(p.state ?? p)), h('span', { class: 'bar-track' }, h('span', { class: 'bar-fill', style: `width:${(v * 100).toFixed(1)}%` })), ` ${(v * 100).toFixed(1)} %`);
    })));
  }
  await run();
}
