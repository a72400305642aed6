import { h, field, stateLabel } from '../dom';
import { get, states, proposals, vocabulary, Problem } from '../api';
import { worldMap, colourOf, loadDetail, detailed, useStrengthRanks, type Obligor } from '../map';
import { explanationTree, provisionHref } from '../explain';
import { setUrlState, type PageState } from '../main';
import { saveBox } from './savebox';
import { timeline, whenText } from './timeline';
import { contestedClauses, relevantClauses, readingsControl, readingsUsed, readingTag } from './readings';
import { eventAttributes, attributeFields, undecidedSection } from './eventattrs';

const code = (s: any) => s.iso3 ?? s.name;

/**
 * What-if: the form and the map, then the answer first (per state its strongest obligation; per provision the states
 * it binds, in the server's order: hand-encoded before ATOP data, defence before consultation before neutrality),
 * the deadlines, and the details: triggered, breached, and not triggered (searchable, folded by reason).
 */
export async function whatIfPage(main: HTMLElement, state: PageState) {
  const st = { attacker: '', target: '', date: '', kind: 'armed-attack', location: '', ceasefire: [] as string[], adopted: [] as string[], reading: [] as string[], event_attributes: [] as string[], open: '', all: '', ...state } as any;
  // Event kinds, strength ranks and event attributes come from the server, not from copies kept here.
  const [stateList, proposalList, words, attrs] = await Promise.all([states(), proposals(), vocabulary(), eventAttributes()]);
  useStrengthRanks(words.strength_ranks);
  const kinds: string[] = words.event_kinds;
  const attributes = attributeFields(attrs, st.event_attributes as string[]);

  const dl = (id: string, opts: [string, string][]) => h('datalist', { id }, opts.map(([v, l]) => h('option', { value: v }, l)));
  const attacker = h('input', { name: 'attacker', list: 'dl-states', value: st.attacker, required: true, autocomplete: 'off', placeholder: 'RUS or Russia' }) as HTMLInputElement;
  const target = h('input', { name: 'target', list: 'dl-states', value: st.target, required: true, autocomplete: 'off', placeholder: 'EST or Estonia' }) as HTMLInputElement;
  const date = h('input', { name: 'date', type: 'date', value: st.date, required: true, min: '1816-01-01' }) as HTMLInputElement;
  const kind = h('select', { name: 'kind' }, kinds.map(k => h('option', { value: k, selected: k === st.kind }, k))) as HTMLSelectElement;
  const loc = h('input', { name: 'location', list: 'dl-locations', value: st.location, autocomplete: 'off', placeholder: "target's own country" }) as HTMLInputElement;
  // Locations are looked up as one types (a few rows each), not loaded whole: there are thousands.
  const locOptions = h('datalist', { id: 'dl-locations' });
  let locTimer = 0;
  loc.addEventListener('input', () => {
    clearTimeout(locTimer);
    const q = loc.value.trim();
    if (q.length < 1) return;
    locTimer = window.setTimeout(async () => {
      const rows = await get('/api/locations', { q, limit: 25 });
      locOptions.replaceChildren(...rows.map((l: any) => h('option', { value: l.code }, l.name)));
    }, 150);
  });
  const ceasefire = h('input', { name: 'ceasefire', type: 'date', value: (st.ceasefire as string[])[0] ?? '' }) as HTMLInputElement;
  const adopted = proposalList.map((a: any) => h('input', { type: 'checkbox', name: 'adopted', value: a.id, checked: (st.adopted as string[]).includes(a.id), id: `adopt-${a.id}` }) as HTMLInputElement);
  const atop = h('input', { name: 'include_atop', type: 'checkbox', checked: st.include_atop !== 'false', id: 'f-include-atop' }) as HTMLInputElement;
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'form-error' });
  const results = h('div', { class: 'results', 'aria-live': 'polite', id: 'results', tabindex: '-1' });

  const read = () => ({
    attacker: attacker.value.trim(), target: target.value.trim(), date: date.value, kind: kind.value,
    location: loc.value.trim().split(' ')[0], ceasefire: ceasefire.value ? [ceasefire.value] : [],
    adopted: adopted.filter(c => c.checked).map(c => c.value), include_atop: atop.checked ? '' : 'false', open: st.open, all: st.all,
    reading: st.reading, event_attributes: attributes.read(),
  });

  const form = h('form', { class: 'whatif-form', 'aria-label': 'Event', onsubmit: (e: Event) => { e.preventDefault(); st.open = ''; Object.assign(st, read()); run(true); } },
    dl('dl-states', stateList.filter((x: any) => x.iso3).map((x: any) => [x.iso3, x.name])), locOptions,
    h('div', { class: 'row' }, field('Attacker', attacker), field('Target', target)),
    h('div', { class: 'row' }, field('Date', date), field('Event kind', kind)),
    field('Location', loc, 'ISO 3166 code (EE, UA-43) — or click the map'),
    h('fieldset', {}, h('legend', {}, 'Assumptions'),
      field('Ceasefire from', ceasefire, 'hostilities of open conflicts end before this day'),
      adopted.length ? h('fieldset', { class: 'checks' }, h('legend', {}, 'Adopted proposals'),
        h('small', {}, 'evaluated as if in force (hypothetical)'),
        adopted.map((c, i) => h('label', { class: 'check', for: c.id }, c, h('span', {}, h('code', {}, proposalList[i].id), ' ', proposalList[i].title)))) : null,
      h('label', { class: 'check', for: atop.id }, atop, h('span', {}, 'include the imported ATOP alliances')),
      attributes.element),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Evaluate')),
    error);

  const mapSlot = h('div', { class: 'map-slot' });
  let shown: any;
  const drawMap = (outcome?: any) => {
    shown = outcome;
    const obligors: Record<string, Obligor> = {};
    for (const s of outcome?.answer?.states ?? []) {
      const k = s.state.iso3; if (!k) continue;
      obligors[k] = { kind: s.kind, strength: s.strength, label: `${s.kind}, ${s.strength}: ${s.agreement} ${s.provision}${s.historical ? ' (ATOP data)' : ''}` };
    }
    const attackerIso = outcome?.event.attacker.iso3, targetIso = outcome?.event.target.iso3;
    mapSlot.replaceChildren(worldMap({ attacker: attackerIso, target: targetIso, location: outcome?.event.location ?? loc.value, obligors },
      (picked) => {
        loc.value = picked; loc.focus();
        mapSlot.querySelectorAll('.picked').forEach(p => p.classList.remove('picked'));
        mapSlot.querySelectorAll(`[data-iso2="${picked}"]`).forEach(p => p.classList.add('picked'));
      }));
    if (!detailed) mapSlot.append(h('button', { type: 'button', class: 'link', onclick: async () => { await loadDetail(); drawMap(shown); } },
      'More map detail (small states; 230 KB)'));
  };

  main.append(
    h('h1', {}, 'What if …'),
    h('div', { class: 'whatif' }, form, mapSlot),
    results);
  drawMap();

  const urlState = () => { const { open, all, ...q } = st; setUrlState({ ...q, ...(st.open ? { open: st.open } : {}), ...(st.all ? { all: st.all } : {}) } as any); };

  async function run(fromForm = false) {
    error.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(x => x.removeAttribute('aria-invalid'));
    const { open, all, ...query } = st;
    urlState();
    if (!st.attacker || !st.target || !st.date) return;
    results.replaceChildren(h('p', {}, 'Evaluating …'));
    try {
      const [outcome, clauses] = await Promise.all([get('/api/what-if', query), contestedClauses()]);
      drawMap(outcome);
      render(outcome, clauses);
      // On a phone the form fills the screen: bring the answer into view.
      if (fromForm && window.matchMedia('(max-width: 800px)').matches) results.scrollIntoView({ block: 'start' });
    } catch (e: any) {
      results.replaceChildren();
      error.textContent = e.message;
      if (e instanceof Problem && e.field) form.querySelector(`[name="${e.field}"]`)?.setAttribute('aria-invalid', 'true');
    }
  }

  function render(o: any, clauses: any[]) {
    const e = o.event;
    const openSlot = (key: string, tree: any) => {
      const slot = h('div', { class: 'explain-slot' });
      if (key && tree && st.open === key) slot.append(explanationTree(tree));
      return slot;
    };
    const explainButton = (key: string, label: string, tree: any, slotOf: () => HTMLElement, name?: string) =>
      h('button', {
        type: 'button', class: 'chip', 'aria-expanded': st.open === key ? 'true' : 'false', 'data-key': key, 'aria-label': name,
        onclick: (ev: Event) => {
          const b = ev.currentTarget as HTMLElement;
          const opening = st.open !== key;
          results.querySelectorAll('.explain-slot').forEach(x => x.replaceChildren());
          results.querySelectorAll('button[aria-expanded]').forEach(x => x.setAttribute('aria-expanded', 'false'));
          st.open = opening ? key : '';
          if (opening) { slotOf().append(explanationTree(tree)); b.setAttribute('aria-expanded', 'true'); }
          urlState();
        },
      }, label);

    // The answer: per provision the states it binds, then per state its strongest obligation.
    const groups: any[] = o.answer.groups;
    const current = groups.filter(g => !g.historical), historical = groups.filter(g => g.historical);
    const stateRows: any[] = o.answer.states;
    // A provision's items that depend on a contested reading (the first one's dependency names it).
    const dependent = new Map<string, any>();
    for (const t of o.triggered) if (t.depends_on_readings?.length && !dependent.has(`${t.agreement}|${t.provision_id}`)) dependent.set(`${t.agreement}|${t.provision_id}`, t);
    const groupItem = (g: any) => h('li', { class: 'answer-group', 'data-agreement': g.agreement, 'data-provision': g.provision },
      h('span', { class: 'count' }, String(g.count)), ' ',
      h('span', {}, `state${g.count === 1 ? '' : 's'} under `, h('a', { href: provisionHref(g.agreement, g.provision) }, `${g.title} ${g.provision}`),
        ' ', kindTag(g.kind, g.strength), ' ', h('span', { class: 'when' }, whenText(g, e)), g.hypothetical ? h('span', { class: 'tag hypo' }, 'hypothetical') : null,
        ' ', readingTag(dependent.get(`${g.agreement}|${g.provision_id}`) ?? {})),
      h('div', { class: 'codes' }, h('span', { class: 'action' }, g.action), ' — ', g.states.map(code).join(' · ')));
    const stateTable = (rows: any[]) => h('div', { class: 'scroll' }, h('table', { class: 'report', 'data-testid': 'per-state' },
      h('caption', {}, 'Per state: its strongest obligation'),
      h('thead', {}, h('tr', {}, ['State', 'Strongest obligation', 'Kind', 'Deadline', 'Clause'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(s => h('tr', { 'data-state': s.state.iso3 ?? s.state.cow },
        h('th', { scope: 'row' }, stateLabel(s.state)),
        h('td', {}, `${s.agreement}${s.obligations > 1 ? ` (+${s.obligations - 1} more)` : ''}`),
        h('td', {}, kindTag(s.kind, s.strength)),
        h('td', {}, whenText(s, e)),
        h('td', {}, h('a', { href: provisionHref(s.agreement, s.provision) }, s.provision)))))));
    const currentStates = stateRows.filter(s => !s.historical), historicalStates = stateRows.filter(s => s.historical);
    const answer = h('section', { class: 'answer', 'aria-labelledby': 'h-answer', 'data-testid': 'answer' },
      h('h2', { id: 'h-answer' }, `Answer: ${stateRows.length} state${stateRows.length === 1 ? '' : 's'} owe${stateRows.length === 1 ? 's' : ''} something`),
      current.length ? h('ol', { class: 'plain answer-groups', 'data-testid': 'answer-groups' }, current.map(groupItem))
        : h('p', {}, historical.length ? 'No hand-encoded agreement is triggered.' : 'No obligation is triggered.'),
      currentStates.length ? stateTable(currentStates) : null,
      historical.length ? h('details', { class: 'historical', 'data-testid': 'historical' },
        h('summary', {}, `From ATOP data: ${historical.length} provision(s), ${historicalStates.length} state(s) whose strongest obligation comes from it`),
        h('p', { class: 'note' }, 'ATOP is historical alliance data (coded up to 2018; later years assume the alliance is unchanged), so it may be out of date. Hand-encoded agreements come first, and count before ATOP data for a state bound by both.'),
        h('ol', { class: 'plain answer-groups' }, historical.map(groupItem)),
        historicalStates.length ? stateTable(historicalStates) : null) : null);

    // Details: triggered provisions in the answer's order; those of ATOP data folded.
    const order = new Map<string, number>(groups.map((g: any, i: number) => [`${g.agreement}|${g.provision_id}`, i]));
    const byProvision = new Map<string, any[]>();
    o.triggered.forEach((t: any, i: number) => {
      const key = `${t.agreement}|${t.provision_id}`;
      if (!byProvision.has(key)) byProvision.set(key, []);
      byProvision.get(key)!.push({ ...t, index: i });
    });
    const cards = [...byProvision.entries()].sort((a, b) => (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9)).map(([key, items]) => {
      const f = items[0];
      let slot: HTMLElement;
      const open = items.find(t => st.open === `t${t.index}`);
      const historicalCard = groups[order.get(key) ?? 0]?.historical ?? false;
      const actions = [...new Set(items.map(t => t.action))];
      const card = h('article', { class: 'item', 'data-agreement': f.agreement, 'data-provision': f.provision },
        h('h3', {}, h('a', { href: provisionHref(f.agreement, f.provision) }, `${f.agreement} ${f.provision}`),
          ' ', kindTag(kindOf(f.kind), f.strength), ' ', h('span', { class: 'tag' }, f.bindingness),
          f.hypothetical ? h('span', { class: 'tag hypo' }, 'hypothetical') : null,
          items.some(t => t.undecided?.length) ? h('span', { class: 'tag undecided-tag' }, '[undecided]') : null, ' ', readingTag(items.find(t => t.depends_on_readings?.length) ?? {})),
        actions.map(a => h('p', {}, a)),
        h('p', { class: 'deadline' }, whenText(f, o.event)),
        f.conditions.length ? h('ul', { class: 'conditions' }, f.conditions.map((c: any) => h('li', {}, `${c.kind}: ${c.text}`))) : null,
        h('div', { class: 'obligors' },
          h('span', {}, `${new Set(items.map(t => code(t.obligor))).size} obligor(s) → ${[...new Set(items.map(t => code(t.beneficiary)))].join(', ')} — choose one to see why: `),
          items.map(t => explainButton(`t${t.index}`, code(t.obligor), t.explanation, () => slot, `${code(t.obligor)}: why ${t.obligor.name} owes this`))),
        slot = openSlot(open ? `t${open.index}` : '', open?.explanation));
      return { card, historical: historicalCard, open: !!open };
    });
    const currentCards = cards.filter(c => !c.historical), historicalCards = cards.filter(c => c.historical);
    const triggered = h('section', { 'aria-labelledby': 'h-triggered', 'data-testid': 'triggered' },
      h('h2', { id: 'h-triggered' }, `Triggered obligations (${o.triggered.length})`),
      cards.length === 0 ? h('p', {}, 'None.') : null,
      currentCards.map(c => c.card),
      historicalCards.length ? h('details', { class: 'historical', open: historicalCards.some(c => c.open) },
        h('summary', {}, `${historicalCards.length} provision(s) from ATOP data (historical, may be out of date)`),
        historicalCards.map(c => c.card)) : null);

    const breached = h('section', { 'aria-labelledby': 'h-breached', 'data-testid': 'breached' },
      h('h2', { id: 'h-breached' }, `Breached by the attacker (${o.breached.length})`),
      o.breached.length === 0 ? h('p', {}, 'None.') : null,
      o.breached.map((b: any, i: number) => {
        let slot: HTMLElement;
        return h('article', { class: 'item breach', 'data-agreement': b.agreement },
          h('h3', {}, h('a', { href: provisionHref(b.agreement, b.provision) }, `${b.agreement} ${b.provision}`), ' ', readingTag(b)),
          h('p', {}, `${stateLabel(b.obligor)} breaks its promise to ${stateLabel(b.beneficiary)}. `,
            explainButton(`b${i}`, 'Why', b.explanation, () => slot, `Why: ${b.agreement} ${b.provision} is breached`)),
          slot = openSlot(`b${i}`, b.explanation));
      }));

    const notTriggered = notTriggeredSection(o, st, explainButton, openSlot, () => { render(o); urlState(); });

    const assumptions = [
      ...o.assumptions.ceasefires.map((c: any) => `ceasefire (${c.conflict ?? 'all open conflicts'}) from ${c.from}`),
      ...o.assumptions.adopted.map((a: any) => `${a.agreement} adopted${a.from ? ' from ' + a.from : ''} (hypothetical)`),
    ];
    results.replaceChildren(...[
      h('h2', { class: 'summary', 'data-testid': 'summary' }, `${stateLabel(e.attacker)} — ${e.kind} — ${stateLabel(e.target)} at ${e.location} on ${e.date}`),
      assumptions.length ? h('p', {}, 'Assuming: ', assumptions.join('; ')) : null,
      Object.keys(e.attributes ?? {}).length ? h('p', { 'data-testid': 'attributes-used' }, 'Stated of the attack: ',
        Object.entries(e.attributes).map(([k, v]) => `${k} = ${v ? 'yes' : 'no'}`).join(', ')) : null,
      readingsUsed(o.readings),
      answer,
      undecidedSection(o, (name, value) => { attributes.set(name, value); st.event_attributes = attributes.read(); st.open = ''; run(); }),
      relevantClauses(clauses, o).length ? readingsControl(relevantClauses(clauses, o), o.readings ?? [], reading => { st.reading = reading; st.open = ''; run(); }) : null,
      saveBox('what-if', () => { const { all, ...q } = st; return q; }, `${code(e.attacker)} attacks ${code(e.target)} at ${e.location}, ${e.date}`),
      timeline(o),
      h('h2', { class: 'section' }, 'Details'),
      h('div', { class: 'lists' }, triggered, h('div', {}, breached, notTriggered))].filter(x => x) as Node[]);
    if (st.open) results.querySelector(`[data-key="${st.open}"]`)?.scrollIntoView({ block: 'center' });
  }

  if (st.attacker && st.target && st.date) await run();
}

/** The kind of help of a provision kind, as the server's answer names it. */
function kindOf(provisionKind: string): string {
  if (provisionKind === 'defense' || provisionKind === 'offense') return 'defence';
  if (['assistance', 'sanctions', 'membership-path'].includes(provisionKind)) return 'support';
  if (provisionKind === 'neutrality' || provisionKind === 'non-aggression') return 'neutrality';
  return 'consultation';
}

function kindTag(kind: string, strength: string): HTMLElement {
  const sw = h('i', { class: 'sw', style: `background:${colourOf(kind, strength)}` });
  return h('span', { class: `tag kind k-${kind}`, 'data-kind': kind, 'data-strength': strength }, sw, `${kind}, ${strength}`);
}

/**
 * Not triggered, folded by reason (most frequent first) with a search over agreement, provision and reason. Items of
 * agreements not in force are left out unless asked for.
 */
function notTriggeredSection(o: any, st: any, explainButton: any, openSlot: any, rerender: () => void): HTMLElement {
  const showAll = st.all === '1';
  const hidden = o.not_triggered.filter((n: any) => n.reason.includes('not in force')).length;
  const items = o.not_triggered.map((n: any, i: number) => ({ ...n, i })).filter((n: any) => showAll || !n.reason.includes('not in force'));
  const byReason = new Map<string, any[]>();
  for (const n of items) {
    const r = reasonGroup(n.reason);
    if (!byReason.has(r)) byReason.set(r, []);
    byReason.get(r)!.push(n);
  }
  const search = h('input', { type: 'search', name: 'not-triggered-search', placeholder: 'agreement, provision or reason', autocomplete: 'off' }) as HTMLInputElement;
  const folds = [...byReason.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([reason, list]) => {
    const opened = list.some(n => st.open === `n${n.i}`);
    return h('details', { class: 'reason', open: opened, 'data-reason': reason },
      h('summary', {}, h('span', { class: 'count' }, String(list.length)), ' ', reason),
      h('ul', { class: 'plain' }, list.map((n: any) => {
        let slot: HTMLElement;
        return h('li', { 'data-agreement': n.agreement, 'data-text': `${n.agreement} ${n.provision} ${n.reason}`.toLowerCase() },
          h('a', { href: provisionHref(n.agreement, n.provision) }, `${n.agreement} ${n.provision}`), `: ${n.reason} `,
          explainButton(`n${n.i}`, 'Why not', n.explanation, () => slot, `Why not: ${n.agreement} ${n.provision}`),
          slot = openSlot(`n${n.i}`, n.explanation));
      })));
  });
  const counter = h('p', { class: 'note', 'aria-live': 'polite' });
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const d of folds) {
      let inFold = 0;
      d.querySelectorAll('li[data-text]').forEach(li => { const hit = !q || li.getAttribute('data-text')!.includes(q); (li as HTMLElement).hidden = !hit; if (hit) inFold++; });
      d.hidden = inFold === 0;
      if (q) (d as HTMLDetailsElement).open = inFold > 0 && inFold <= 50;
      shown += inFold;
    }
    counter.textContent = q ? `${shown} match(es)` : '';
  });
  return h('section', { 'aria-labelledby': 'h-not', 'data-testid': 'not-triggered' },
    h('h2', { id: 'h-not' }, `Not triggered (${o.not_triggered.length})`),
    field('Search', search),
    counter,
    hidden ? h('label', { class: 'check' }, h('input', {
      type: 'checkbox', checked: showAll, onchange: (ev: Event) => { st.all = (ev.target as HTMLInputElement).checked ? '1' : ''; rerender(); },
    }), h('span', {}, `also show ${hidden} provision(s) of agreements not in force`)) : null,
    folds);
}

/** The kind of reason, without the names in it: "wrong target", "not in force", "target not a member on that date". */
export function reasonGroup(reason: string): string {
  const i = reason.indexOf(':');
  return (i > 0 ? reason.slice(0, i) : reason).trim();
}
