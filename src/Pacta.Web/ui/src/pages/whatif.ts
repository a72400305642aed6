import { h, field, stateLabel } from '../dom';
import { get, states, locations, agreements, Problem } from '../api';
import { worldMap, strengthColours } from '../map';
import { explanationTree, provisionHref } from '../explain';
import { setUrlState, type PageState } from '../main';
import { saveBox } from './savebox';
import { timeline } from './timeline';

const kinds = ['armed-attack', 'threat-of-attack', 'aggression-with-nuclear-weapons', 'significant-escalation', 'war-involvement'];
const rank: Record<string, number> = { automatic: 0, discretionary: 1, consultative: 2 };

/** What-if: the form, then the map, the deadline timeline, and the triggered / breached / not-triggered lists. */
export async function whatIfPage(main: HTMLElement, state: PageState) {
  const st = { attacker: '', target: '', date: '', kind: 'armed-attack', location: '', ceasefire: [] as string[], adopted: [] as string[], open: '', all: '', ...state } as any;
  const [stateList, locationList, agreementList] = await Promise.all([states(), locations(), agreements()]);

  const dl = (id: string, opts: [string, string][]) => h('datalist', { id }, opts.map(([v, l]) => h('option', { value: v }, l)));
  const attacker = h('input', { name: 'attacker', list: 'dl-states', value: st.attacker, required: true, autocomplete: 'off', placeholder: 'RUS or Russia' }) as HTMLInputElement;
  const target = h('input', { name: 'target', list: 'dl-states', value: st.target, required: true, autocomplete: 'off', placeholder: 'EST or Estonia' }) as HTMLInputElement;
  const date = h('input', { name: 'date', type: 'date', value: st.date, required: true, min: '1816-01-01' }) as HTMLInputElement;
  const kind = h('select', { name: 'kind' }, kinds.map(k => h('option', { value: k, selected: k === st.kind }, k))) as HTMLSelectElement;
  const loc = h('input', { name: 'location', list: 'dl-locations', value: st.location, autocomplete: 'off', placeholder: "target's own country" }) as HTMLInputElement;
  const ceasefire = h('input', { name: 'ceasefire', type: 'date', value: (st.ceasefire as string[])[0] ?? '' }) as HTMLInputElement;
  const proposals = agreementList.filter((a: any) => a.in_force.from === null || a.status === 'proposal');
  const adopted = h('select', { name: 'adopted', multiple: true, size: Math.min(5, Math.max(2, proposals.length)) },
    proposals.map((a: any) => h('option', { value: a.id, selected: (st.adopted as string[]).includes(a.id) }, `${a.id} — ${a.title}`))) as HTMLSelectElement;
  const atop = h('input', { name: 'include_atop', type: 'checkbox', checked: st.include_atop !== 'false' }) as HTMLInputElement;
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'form-error' });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });

  const read = () => ({
    attacker: attacker.value.trim(), target: target.value.trim(), date: date.value, kind: kind.value,
    location: loc.value.trim().split(' ')[0], ceasefire: ceasefire.value ? [ceasefire.value] : [],
    adopted: [...adopted.selectedOptions].map(o => o.value), include_atop: atop.checked ? '' : 'false', open: st.open, all: st.all,
  });

  const form = h('form', { class: 'whatif-form', 'aria-label': 'Event', onsubmit: (e: Event) => { e.preventDefault(); st.open = ''; Object.assign(st, read()); run(); } },
    dl('dl-states', stateList.filter((x: any) => x.iso3).map((x: any) => [x.iso3, x.name])),
    dl('dl-locations', locationList.map((l: any) => [l.code, l.name])),
    h('div', { class: 'row' }, field('Attacker', attacker), field('Target', target)),
    h('div', { class: 'row' }, field('Date', date), field('Event kind', kind)),
    field('Location', loc, 'ISO 3166 code (EE, UA-43) — or click the map'),
    h('fieldset', {}, h('legend', {}, 'Assumptions'),
      field('Ceasefire from', ceasefire, 'hostilities of open conflicts end before this day'),
      proposals.length ? field('Adopted proposals', adopted, 'evaluated as if in force (hypothetical)') : null,
      h('label', { class: 'inline' }, atop, ' include the imported ATOP alliances')),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Evaluate')),
    error);

  const mapSlot = h('div', { class: 'map-slot' });
  const drawMap = (outcome?: any) => {
    const obligors: Record<string, string> = {};
    for (const t of outcome?.triggered ?? []) {
      const k = t.obligor.iso3; if (!k) continue;
      if (!(k in obligors) || rank[t.strength] < rank[obligors[k]]) obligors[k] = t.strength;
    }
    const attackerIso = outcome?.event.attacker.iso3, targetIso = outcome?.event.target.iso3;
    mapSlot.replaceChildren(worldMap({ attacker: attackerIso, target: targetIso, location: (outcome?.event.location ?? loc.value).slice(0, 2), obligors },
      (iso2) => { loc.value = iso2; loc.focus(); mapSlot.querySelectorAll('.picked').forEach(p => p.classList.remove('picked')); mapSlot.querySelector(`[data-iso2="${iso2}"]`)?.classList.add('picked'); }));
  };

  main.append(
    h('h1', {}, 'What if …'),
    h('div', { class: 'whatif' }, form, mapSlot),
    results);
  drawMap();

  async function run() {
    error.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(x => x.removeAttribute('aria-invalid'));
    const { open, all, ...query } = st;
    setUrlState({ ...query, ...(open ? { open } : {}), ...(all ? { all } : {}) } as any);
    if (!st.attacker || !st.target || !st.date) return;
    results.replaceChildren(h('p', {}, 'Evaluating …'));
    try {
      const outcome = await get('/api/what-if', query);
      drawMap(outcome);
      render(outcome);
    } catch (e: any) {
      results.replaceChildren();
      error.textContent = e.message;
      if (e instanceof Problem && e.field) form.querySelector(`[name="${e.field}"]`)?.setAttribute('aria-invalid', 'true');
    }
  }

  function render(o: any) {
    const e = o.event;
    const groups = new Map<string, any[]>();
    o.triggered.forEach((t: any, i: number) => {
      const key = `${t.agreement}|${t.provision_id}|${t.action}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ ...t, index: i });
    });
    const openSlot = (key: string, tree: any) => {
      const slot = h('div', { class: 'explain-slot' });
      if (key && tree && st.open === key) slot.append(explanationTree(tree));
      return slot;
    };
    const explainButton = (key: string, label: string, tree: any, slotOf: () => HTMLElement) =>
      h('button', {
        type: 'button', class: 'chip', 'aria-expanded': st.open === key ? 'true' : 'false', 'data-key': key,
        onclick: (ev: Event) => {
          const b = ev.currentTarget as HTMLElement;
          const opening = st.open !== key;
          results.querySelectorAll('.explain-slot').forEach(x => x.replaceChildren());
          results.querySelectorAll('[aria-expanded]').forEach(x => x.setAttribute('aria-expanded', 'false'));
          st.open = opening ? key : '';
          if (opening) { slotOf().append(explanationTree(tree)); b.setAttribute('aria-expanded', 'true'); }
          const { open, all, ...q } = st; setUrlState({ ...q, ...(st.open ? { open: st.open } : {}), ...(all ? { all } : {}) } as any);
        },
      }, label);

    const triggered = h('section', { 'aria-labelledby': 'h-triggered', 'data-testid': 'triggered' },
      h('h2', { id: 'h-triggered' }, `Triggered obligations (${o.triggered.length})`),
      groups.size === 0 ? h('p', {}, 'None.') : null,
      [...groups.values()].map(items => {
        const f = items[0];
        let slot: HTMLElement;
        const open = items.find(t => st.open === `t${t.index}`);
        const card = h('article', { class: 'item', 'data-agreement': f.agreement, 'data-provision': f.provision },
          h('h3', {}, h('a', { href: provisionHref(f.agreement, f.provision) }, `${f.agreement} ${f.provision}`),
            ' ', h('span', { class: `tag s-${f.strength}`, style: `border-color:${strengthColours[f.strength]}` }, f.strength),
            ' ', h('span', { class: 'tag' }, f.kind), ' ', h('span', { class: 'tag' }, f.bindingness),
            f.hypothetical ? h('span', { class: 'tag hypo' }, 'hypothetical') : null),
          h('p', {}, f.action),
          f.deadline ? h('p', { class: 'deadline' }, `Deadline ${f.deadline.replace('T', ' ').replace('Z', ' UTC')}${f.firmness === 'where-possible' ? ' (where possible)' : ''}`) : f.timing ? h('p', { class: 'deadline' }, f.timing) : null,
          f.conditions.length ? h('ul', { class: 'conditions' }, f.conditions.map((c: any) => h('li', {}, `${c.kind}: ${c.text}`))) : null,
          h('div', { class: 'obligors', 'aria-label': 'Obligors — choose one to see why' },
            h('span', {}, `${items.length} obligor(s) → ${[...new Set(items.map(t => t.beneficiary.iso3 ?? t.beneficiary.name))].join(', ')}: `),
            items.map(t => explainButton(`t${t.index}`, t.obligor.iso3 ?? t.obligor.name, t.explanation, () => slot))),
          slot = openSlot(open ? `t${open.index}` : '', open?.explanation));
        return card;
      }));

    const breached = h('section', { 'aria-labelledby': 'h-breached', 'data-testid': 'breached' },
      h('h2', { id: 'h-breached' }, `Breached by the attacker (${o.breached.length})`),
      o.breached.length === 0 ? h('p', {}, 'None.') : null,
      o.breached.map((b: any, i: number) => {
        let slot: HTMLElement;
        return h('article', { class: 'item breach', 'data-agreement': b.agreement },
          h('h3', {}, h('a', { href: provisionHref(b.agreement, b.provision) }, `${b.agreement} ${b.provision}`)),
          h('p', {}, `${stateLabel(b.obligor)} breaks its promise to ${stateLabel(b.beneficiary)}. `,
            explainButton(`b${i}`, 'Why', b.explanation, () => slot)),
          slot = openSlot(`b${i}`, b.explanation));
      }));

    const showAll = st.all === '1';
    const hidden = o.not_triggered.filter((n: any) => n.reason.includes('not in force')).length;
    const nt = o.not_triggered.map((n: any, i: number) => ({ ...n, i })).filter((n: any) => showAll || !n.reason.includes('not in force'));
    const notTriggered = h('section', { 'aria-labelledby': 'h-not', 'data-testid': 'not-triggered' },
      h('h2', { id: 'h-not' }, `Not triggered (${o.not_triggered.length})`),
      hidden ? h('label', { class: 'inline' }, h('input', {
        type: 'checkbox', checked: showAll, onchange: (ev: Event) => { st.all = (ev.target as HTMLInputElement).checked ? '1' : ''; render(o); const { open, all, ...q } = st; setUrlState({ ...q, ...(open ? { open } : {}), ...(st.all ? { all: st.all } : {}) } as any); },
      }), ` also show ${hidden} provision(s) of agreements not in force`) : null,
      h('ul', { class: 'plain' }, nt.map((n: any) => {
        let slot: HTMLElement;
        return h('li', { 'data-agreement': n.agreement },
          h('a', { href: provisionHref(n.agreement, n.provision) }, `${n.agreement} ${n.provision}`), `: ${n.reason} `,
          explainButton(`n${n.i}`, 'Why not', n.explanation, () => slot),
          slot = openSlot(`n${n.i}`, n.explanation));
      })));

    const assumptions = [
      ...o.assumptions.ceasefires.map((c: any) => `ceasefire (${c.conflict ?? 'all open conflicts'}) from ${c.from}`),
      ...o.assumptions.adopted.map((a: any) => `${a.agreement} adopted${a.from ? ' from ' + a.from : ''} (hypothetical)`),
    ];
    results.replaceChildren(...[
      h('h2', { class: 'summary', 'data-testid': 'summary' }, `${stateLabel(e.attacker)} — ${e.kind} — ${stateLabel(e.target)} at ${e.location} on ${e.date}`),
      assumptions.length ? h('p', {}, 'Assuming: ', assumptions.join('; ')) : null,
      saveBox('what-if', () => { const { all, ...q } = st; return q; }, `${e.attacker.iso3 ?? e.attacker.name} attacks ${e.target.iso3 ?? e.target.name} at ${e.location}, ${e.date}`),
      timeline(o),
      h('div', { class: 'lists' }, triggered, h('div', {}, breached, notTriggered))].filter(x => x) as Node[]);
    if (st.open) results.querySelector(`[data-key="${st.open}"]`)?.scrollIntoView({ block: 'center' });
  }

  if (st.attacker && st.target && st.date) await run();
}
