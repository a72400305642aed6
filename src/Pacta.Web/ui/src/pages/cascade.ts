import cytoscape from 'cytoscape';
import { h, field, stateLabel } from '../dom';
import { get, states } from '../api';
import { setUrlState, type PageState } from '../main';
import { contestedClauses, readingsControl, readingsUsed } from './readings';

// Okabe-Ito colours (safe for the common colour-vision deficiencies), and a shape per side so colour is never the only cue.
const sideColour: Record<string, string> = { attacker: '#d55e00', defender: '#0072b2' };
const sideShape: Record<string, string> = { attacker: 'diamond', defender: 'ellipse' };
const supporterColour = '#999999';
const sideName: Record<string, string> = { attacker: "attacker's side", defender: "defender's side" };
const pct = (e: any) => `${(e.p * 100).toFixed(1)} % [${(e.low * 100).toFixed(1)}, ${(e.high * 100).toFixed(1)}]`;

/**
 * Cascade: the rounds in which states are drawn in, as a graph laid out round by round (left to right), the path
 * that drew a state in on hover or focus, and with Monte Carlo trials the probability of each being drawn in as bars.
 */
export async function cascadePage(main: HTMLElement, state: PageState) {
  const st: any = { attacker: '', target: '', date: '', trials: '', conditional: '', carve_out: '', join_model: '', ...state };
  const stateList = await states();
  const inputs = {
    attacker: h('input', { name: 'attacker', list: 'dl-cs', value: st.attacker, required: true, autocomplete: 'off' }) as HTMLInputElement,
    target: h('input', { name: 'target', list: 'dl-cs', value: st.target, required: true, autocomplete: 'off' }) as HTMLInputElement,
    date: h('input', { name: 'date', type: 'date', value: st.date, required: true }) as HTMLInputElement,
    trials: h('input', { name: 'trials', type: 'number', min: '0', max: '100000', step: '1000', value: st.trials, placeholder: '0 = deterministic' }) as HTMLInputElement,
    conditional: h('select', { name: 'conditional' },
      [['', 'report (default)'], ['support', 'support'], ['propagate', 'propagate']].map(([v, l]) => h('option', { value: v, selected: st.conditional === v }, l))) as HTMLSelectElement,
    carve_out: h('select', { name: 'carve_out' },
      [['', 'support (default)'], ['fight', 'fight']].map(([v, l]) => h('option', { value: v, selected: st.carve_out === v }, l))) as HTMLSelectElement,
    // The CLI's --join-model, with its default (per-obligation): which draws the Monte Carlo makes, and from what.
    join_model: h('select', { name: 'join_model' },
      [['', 'per obligation, honour preset (default)'], ['per-state', 'per state, honour preset'], ['fitted', 'per state, fitted on history']]
        .map(([v, l]) => h('option', { value: v, selected: st.join_model === v }, l))) as HTMLSelectElement,
  };
  const error = h('p', { class: 'error', role: 'alert' });
  const out = h('div', { 'aria-live': 'polite' });
  main.append(h('h1', {}, 'Cascade'),
    h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); for (const [k, el] of Object.entries(inputs)) st[k] = el.value.trim(); run(); } },
      h('datalist', { id: 'dl-cs' }, stateList.filter((x: any) => x.iso3).map((x: any) => h('option', { value: x.iso3 }, x.name))),
      field('Attacker', inputs.attacker), field('Target', inputs.target), field('Date', inputs.date), field('Monte Carlo trials', inputs.trials),
      field('Conditional obligations', inputs.conditional, 'invocation hangs on a condition the facts cannot decide'),
      field('Neutrality carve-out', inputs.carve_out, 'TEU Art. 42(7)'),
      field('Join model', inputs.join_model, 'Monte Carlo: one draw per promise or per state; probabilities from the preset or the model fitted on the wars before 1945'),
      h('button', { type: 'submit', class: 'primary' }, 'Run')), error, out);

  async function run() {
    error.textContent = '';
    setUrlState(st);
    if (!st.attacker || !st.target || !st.date) return;
    out.replaceChildren(h('p', {}, 'Running …'));
    try {
      const [c, clauses] = await Promise.all([get('/api/cascade', st), contestedClauses()]);
      render(c);
      // The readings used, and the contested clauses to read otherwise (the cascade reads the whole corpus).
      out.prepend(readingsUsed(c.readings) ?? '', readingsControl(clauses, c.readings ?? [], r => { st.reading = r; run(); }));
    } catch (e: any) { error.textContent = e.message; out.replaceChildren(); }
  }

  const step = (p: any) => `round ${p.round}: ${p.event.attacker.iso3 ?? p.event.attacker.name} ${p.event.kind === 'war-involvement' ? 'at war with' : 'attacks'} ${p.event.target.iso3 ?? p.event.target.name} → ${p.agreement} ${p.provision} (${p.kind}): ${p.obligor.iso3 ?? p.obligor.name} owes ${p.beneficiary.iso3 ?? p.beneficiary.name}`
    + (p.escapes?.length ? ` — ${p.escapes.map((x: any) => `${x.kind}: ${x.text}`).join('; ')}` : '');

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
        data: { id: `s${s.state.cow}`, label: s.state.iso3 ?? s.state.name, s,
          colour: s.role === 'belligerent' ? sideColour[s.side] ?? supporterColour : supporterColour,
          shape: sideShape[s.side] ?? 'round-rectangle' },
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
    const belligerents = c.states.filter((s: any) => s.role === 'belligerent');
    const sideList = (side: string) => h('section', { class: `side side-${side}`, 'data-testid': `cascade-${side}-side`, style: `border-left:6px solid ${sideColour[side]}` },
      h('h3', {}, `${sideName[side]} (${belligerents.filter((s: any) => s.side === side).length})`),
      h('ol', { class: 'plain' }, belligerents.filter((s: any) => s.side === side).map((s: any) => h('li', {},
        // The side's colour marks the row (a swatch and the section's border); the text stays dark enough to read (WCAG AA).
        h('i', { class: 'side-swatch', 'aria-hidden': 'true', style: `background:${sideColour[side]}` }), ' ',
        h('strong', {}, stateLabel(s.state)), s.initial ? ' — initial belligerent' : '',
        s.path.length ? h('ol', { class: 'path' }, s.path.map((p: any) => h('li', {}, step(p)))) : ''))));
    const conditional = c.conditional_joiners ?? [];
    const notInvoked = c.not_invoked ?? [];
    const consulting = c.consulting ?? [];
    out.replaceChildren(
      h('h2', {}, `${belligerents.length} belligerent(s), ${c.states.filter((s: any) => s.role === 'supporter').length} supporter(s), ${conditional.length} conditional joiner(s), ${consulting.length} consulting over ${c.rounds} round(s)${c.capped ? ' (capped)' : ''}`),
      h('details', { 'data-testid': 'cascade-options', open: true }, h('summary', {}, 'Assumptions and options in force'),
        h('ul', {}, Object.entries(c.options).map(([k, v]: [string, any]) => h('li', {}, h('code', {}, `${k} = ${v.value}`), `: ${v.meaning}`)))),
      h('div', { class: 'sides', 'data-testid': 'cascade-sides' }, sideList('attacker'), sideList('defender')),
      h('section', { 'data-testid': 'cascade-conditional' },
        h('h3', {}, `Conditional joiners (${conditional.length}) — ${c.options.conditional?.value === 'report' ? 'reported, not drawn in' : 'option ' + c.options.conditional?.value}`),
        conditional.length ? h('ul', {}, conditional.map((g: any) => h('li', {}, h('strong', {}, stateLabel(g.state)), ` would join the ${sideName[g.side] ?? 'war'}: `,
          h('ul', {}, g.obligations.map((w: any) => h('li', {}, `${w.agreement} ${w.provision} → ${w.beneficiary.iso3 ?? w.beneficiary.name}: ${w.reason}`)))))) : h('p', {}, 'None.')),
      // Consultation obliges talks, not support: these states take no role in the war.
      consulting.length ? h('details', { 'data-testid': 'cascade-consulting' }, h('summary', {}, `Consulting, no role in the war (${consulting.length}): invoked promises oblige talks, not support`),
        h('ul', {}, consulting.map((g: any) => h('li', {}, h('strong', {}, stateLabel(g.state)), ` with the ${sideName[g.side] ?? 'war'}: `,
          g.obligations.map((w: any) => `${w.agreement} ${w.provision} → ${w.beneficiary.iso3 ?? w.beneficiary.name}`).join('; '))))) : '',
      notInvoked.length ? h('details', { 'data-testid': 'cascade-not-invoked' }, h('summary', {}, `Obligations triggered but not invoked on the facts (${notInvoked.length})`),
        h('ul', {}, notInvoked.map((w: any) => h('li', {}, `${w.obligor.iso3 ?? w.obligor.name}: ${w.agreement} ${w.provision} → ${w.beneficiary.iso3 ?? w.beneficiary.name}: ${w.reason}`)))) : '',
      h('div', { class: 'network' }, graph, path),
      h('ul', { class: 'legend' }, h('li', {}, h('i', { style: `background:${sideColour.attacker};transform:rotate(45deg)` }), "attacker's side (diamond)"),
        h('li', {}, h('i', { style: `background:${sideColour.defender};border-radius:50%` }), "defender's side (circle)"), h('li', {}, h('i', { style: `background:${supporterColour}` }), 'supporter or kept out')),
      h('details', {}, h('summary', {}, 'Rounds as a list'), h('ol', { class: 'plain', 'data-testid': 'cascade-list' }, drawn.map((s: any) =>
        h('li', {}, h('button', { type: 'button', class: 'chip', onclick: () => show(s) }, s.state.iso3 ?? s.state.name), ` round ${s.round}, ${s.role}${s.side ? ', ' + s.side : ''}`)))));
    const cy = cytoscape({
      container: graph, elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 12, width: 18, height: 18, 'background-color': 'data(colour)', shape: 'data(shape)' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.7 } },
      ] as any,
      layout: { name: 'preset', fit: true, padding: 20 } as any,
    });
    cy.on('mouseover tap', 'node', ev => show(ev.target.data('s')));

    const mc = c.monte_carlo;
    if (mc) {
      const rows = mc.states.filter((s: any) => s.drawn_in.p > 0).sort((a: any, b: any) => b.drawn_in.p - a.drawn_in.p).slice(0, 40);
      const sizes = mc.war_size.distribution;
      // The model that set the probabilities: the preset, or the fitted coefficients file (no preset then).
      const jm = mc.join_model;
      const modelName = jm.coefficients ? `join model ${jm.id}, ${jm.coefficients.file}` : `join model ${jm.id}, preset ${mc.preset.id}`;
      const modelSource = jm.coefficients
        ? h('p', { class: 'src', 'data-testid': 'cascade-model' }, `Join model ${jm.id}: one draw per state and side; coefficients ${jm.coefficients.file} (sha256 ${jm.coefficients.sha256.slice(0, 12)}), fitted on ${jm.coefficients.fitted_on} (${jm.coefficients.wars} wars). The honour presets are not used.`)
        : h('p', { class: 'src', 'data-testid': 'cascade-model' }, `Join model ${jm.id}, preset ${mc.preset.id}: `, mc.preset.finding, ' — ', mc.preset.citation);
      out.append(h('h2', { 'data-testid': 'cascade-mc-heading' }, `Monte Carlo (${mc.trials} trials, ${modelName})`),
        h('p', { 'data-testid': 'cascade-majors' }, `P(a major power other than the attacker and the target drawn in) = ${pct(mc.any_major_power_drawn_in)}; mean war size ${mc.war_size.mean.value.toFixed(2)} [${mc.war_size.mean.low.toFixed(2)}, ${mc.war_size.mean.high.toFixed(2)}] belligerents (95 % intervals in brackets).`),
        h('table', { 'data-testid': 'cascade-size' }, h('caption', {}, 'War size distribution'),
          h('thead', {}, h('tr', {}, h('th', {}, 'belligerents'), h('th', {}, 'P'), h('th', {}, '95 % interval'))),
          h('tbody', {}, sizes.map((x: any) => h('tr', {}, h('td', {}, String(x.belligerents)), h('td', {}, `${(x.p * 100).toFixed(2)} %`), h('td', {}, `[${(x.low * 100).toFixed(2)}, ${(x.high * 100).toFixed(2)}]`))))),
        h('h3', {}, 'Probability of being drawn in (bar: attacker side and defender side; 95 % interval in the tooltip)'),
        h('ul', { class: 'plain bars', 'data-testid': 'cascade-bars' }, rows.map((s: any) => h('li', {},
          h('span', { class: 'bar-name' }, stateLabel(s.state)),
          h('span', { class: 'bar-track', title: `95 %: ${(s.drawn_in.low * 100).toFixed(1)}–${(s.drawn_in.high * 100).toFixed(1)} %` },
            h('span', { class: 'bar-fill', style: `width:${(s.attacker_side.p * 100).toFixed(1)}%;background:${sideColour.attacker}` }),
            h('span', { class: 'bar-fill', style: `width:${(s.defender_side.p * 100).toFixed(1)}%;background:${sideColour.defender}` })),
          ` ${pct(s.drawn_in)}`))),
        modelSource);
    }
  }
  await run();
}
