import cytoscape from 'cytoscape';
import { h, field, stateLabel } from '../dom';
import { get, vocabulary } from '../api';
import { colourOf, kindColours, strengths, useStrengthRanks } from '../map';
import { setUrlState, type PageState } from '../main';
import { provisionHref } from '../explain';

interface Edge { from: number; to: number; strength: string; kind: string; provisions: number[] }
interface Cluster { id: string; label: string; short: string; members: number[]; inside: number }

/**
 * Who guarantees whom on a day. States are grouped in clusters: the organization each belongs to (NATO, EU, CSTO),
 * else the largest multilateral provision binding it. Guarantees inside a cluster are counted, not drawn; those
 * between clusters are drawn as one edge per pair, coloured by the strongest kind and strength. Each state is a
 * labelled box on a grid, so labels never overlap. On a narrow screen the same content is a list.
 */
export async function networkPage(main: HTMLElement, state: PageState) {
  useStrengthRanks((await vocabulary()).strength_ranks);
  const st: any = { on: new Date().toISOString().slice(0, 10), kind: '', origin: 'pacta', organization: '', view: '', ...state };
  const on = h('input', { type: 'date', name: 'on', value: st.on }) as HTMLInputElement;
  const kind = h('select', { name: 'kind' }, ['', ...Object.keys(kindColours)].map(k => h('option', { value: k, selected: st.kind === k }, k || 'any'))) as HTMLSelectElement;
  const origin = h('select', { name: 'origin' }, [['pacta', 'hand-encoded'], ['atop', 'ATOP data'], ['', 'both']].map(([k, l]) => h('option', { value: k, selected: st.origin === k }, l))) as HTMLSelectElement;
  const organization = h('select', { name: 'organization' }, [['', 'any'], ['nato', 'NATO'], ['eu', 'EU'], ['csto', 'CSTO']].map(([k, l]) => h('option', { value: k, selected: st.organization === k }, l))) as HTMLSelectElement;
  const view = h('select', { name: 'view' }, [['', 'graph'], ['list', 'list']].map(([k, l]) => h('option', { value: k, selected: st.view === k }, l))) as HTMLSelectElement;
  const graph = h('div', { class: 'graph', 'data-testid': 'network', role: 'img', 'aria-label': 'Guarantee network: clusters of states; the list below says the same in words' });
  const info = h('div', { class: 'info', 'aria-live': 'polite', 'data-testid': 'network-info' }, 'Select a state, a cluster or an edge to see the agreements behind it.');
  const status = h('p', { class: 'note', 'data-testid': 'network-status', 'aria-live': 'polite' });
  const table = h('div');
  const legend = h('ul', { class: 'legend-keys' }, Object.keys(kindColours).map(k => h('li', {}, h('i', { class: 'sw', style: `background:${colourOf(k, strengths[0])}` }), k)),
    h('li', {}, 'lighter = weaker (', strengths.join(' → '), ')'));
  const box = h('div', { class: 'network' }, graph, info);
  main.append(h('h1', {}, 'Guarantee network'),
    h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: Event) => { e.preventDefault(); Object.assign(st, { on: on.value, kind: kind.value, origin: origin.value, organization: organization.value, view: view.value }); load(); } },
      field('On', on), field('Kind of help', kind), field('Origin', origin), field('Organization', organization), field('Show as', view),
      h('button', { type: 'submit', class: 'primary' }, 'Show')),
    status, legend, box, table);

  let cy: cytoscape.Core | null = null;
  async function load() {
    setUrlState(st);
    status.textContent = 'Loading …';
    const t0 = performance.now();
    const { view: _v, ...query } = st;
    const net = await get('/api/network/graph', query);
    const t1 = performance.now();
    const names = new Map<number, any>(net.states.map((s: any) => [s.cow, s]));
    const edges: Edge[] = net.edges.map((r: number[]) => ({ from: r[0], to: r[1], strength: net.strengths[r[2]], kind: net.kinds[r[3]], provisions: r.slice(4) }));
    const clusters = clustersOf(net, edges);
    const clusterOf = new Map<number, Cluster>();
    clusters.forEach(c => c.members.forEach(m => clusterOf.set(m, c)));
    for (const e of edges) if (clusterOf.get(e.from) === clusterOf.get(e.to)) clusterOf.get(e.from)!.inside++;
    const label = (cow: number) => { const s = names.get(cow); return s?.iso3 ?? s?.name ?? String(cow); };
    const describe = (list: Edge[], limit = 300) => h('ul', {}, list.slice(0, limit).map(g => h('li', {}, `${stateLabel(names.get(g.from))} → ${stateLabel(names.get(g.to))} (${g.kind}, ${g.strength}): `,
      g.provisions.map((i, k) => { const p = net.provisions[i]; return [k ? '; ' : '', h('a', { href: provisionHref(p.agreement, p.provision) }, `${p.agreement} ${p.provision}`)]; }))),
      list.length > limit ? h('li', {}, `… and ${list.length - limit} more`) : null);

    const narrow = graph.parentElement!.clientWidth < 600 || main.clientWidth < 600;
    const asList = st.view === 'list' || narrow;
    cy?.destroy(); cy = null;
    box.hidden = asList;
    const listView = h('section', { class: 'netlist', 'data-testid': 'network-list', 'aria-label': 'Guarantee network as a list' },
      clusters.map(c => h('details', { open: clusters.length <= 3 },
        h('summary', {}, h('strong', {}, c.label), ` — ${c.members.length} state(s), ${c.inside} guarantee(s) among them`),
        h('ul', { class: 'plain' }, c.members.map(m => {
          const inn = edges.filter(e => e.to === m), out = edges.filter(e => e.from === m);
          return h('li', {}, h('strong', {}, stateLabel(names.get(m))), `: guaranteed by ${inn.length}, guarantees ${out.length}`);
        })))));
    table.replaceChildren(...[
      asList ? listView : null,
      h('details', {}, h('summary', {}, `${edges.length} guarantee(s) among ${net.states.length} state(s) on ${net.date} — every one as a list`), describe(edges, 2000))].filter(x => x) as Node[]);
    if (asList) {
      status.textContent = `${edges.length} guarantee(s) among ${net.states.length} state(s), ${clusters.length} cluster(s)${narrow && st.view !== 'list' ? ' — shown as a list on this narrow screen' : ''}.`;
      graph.dataset.renderMs = '';
      return;
    }

    // A grid per cluster, cells wide enough for their labels: no two labels can overlap.
    const elements: any[] = [];
    const cellH = 30, gap = 40, rowWidth = Math.max(900, graph.clientWidth * 1.4);
    let x0 = 0, y0 = 0, rowH = 0;
    for (const c of clusters) {
      const cellW = Math.max(44, 7 * Math.max(...c.members.map(m => label(m).length)) + 14);
      const cols = Math.max(1, Math.ceil(Math.sqrt(c.members.length * 1.6)));
      // The cluster's own label (12 px bold, ~7.5 px a character) must fit its width too, so clusters' labels do not collide.
      const title = `${c.short} · ${c.members.length}`;
      const gridW = cols * cellW, w = Math.max(gridW, title.length * 7.5 + 12), hgt = Math.ceil(c.members.length / cols) * cellH;
      if (x0 > 0 && x0 + w > rowWidth) { x0 = 0; y0 += rowH + gap + 20; rowH = 0; }
      elements.push({ data: { id: `c-${c.id}`, label: title } });
      const left = x0 + (w - gridW) / 2;
      c.members.forEach((m, i) => elements.push({
        data: { id: `s${m}`, label: label(m), parent: `c-${c.id}`, w: cellW - 8 },
        position: { x: left + (i % cols) * cellW + cellW / 2, y: y0 + Math.floor(i / cols) * cellH + cellH / 2 },
      }));
      x0 += w + gap; rowH = Math.max(rowH, hgt);
    }
    // One edge per pair of clusters, in each direction, with the strongest kind and strength among its guarantees.
    const pairs = new Map<string, { from: string; to: string; list: Edge[] }>();
    for (const e of edges) {
      const a = clusterOf.get(e.from)!, b = clusterOf.get(e.to)!;
      if (a === b) continue;
      const key = `${a.id}>${b.id}`;
      if (!pairs.has(key)) pairs.set(key, { from: `c-${a.id}`, to: `c-${b.id}`, list: [] });
      pairs.get(key)!.list.push(e);
    }
    const kindRank = Object.keys(kindColours);
    for (const [key, p] of pairs) {
      const best = p.list.reduce((x, y) => kindRank.indexOf(y.kind) < kindRank.indexOf(x.kind) || (y.kind === x.kind && strengths.indexOf(y.strength) < strengths.indexOf(x.strength)) ? y : x);
      elements.push({ data: { id: `e-${key}`, source: p.from, target: p.to, colour: colourOf(best.kind, best.strength), width: Math.min(6, 1 + Math.log2(p.list.length)), n: p.list.length, key } });
    }
    cy = cytoscape({
      container: graph, elements, wheelSensitivity: 0.2, layout: { name: 'preset', fit: true, padding: 16 } as any,
      style: [
        { selector: 'node', style: { shape: 'round-rectangle', width: 'data(w)', height: 22, label: 'data(label)', 'font-size': 10, 'text-valign': 'center', 'text-halign': 'center', 'background-color': '#e8eef5', 'border-width': 1, 'border-color': '#6b7f95', color: '#111' } },
        { selector: ':parent', style: { shape: 'round-rectangle', 'background-color': '#f7f7f4', 'border-color': '#999', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 12, 'font-weight': 'bold', padding: 8 } as any },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.75 } },
        { selector: '.faded', style: { opacity: 0.12 } },
      ] as any,
    });
    cy.one('render', () => {
      const ms = Math.round(performance.now() - t1);
      graph.dataset.renderMs = String(ms);
      graph.dataset.fetchMs = String(Math.round(t1 - t0));
      status.textContent = `${edges.length} guarantee(s) among ${net.states.length} state(s) in ${clusters.length} cluster(s); ${pairs.size} edge(s) between clusters drawn. Fetched in ${Math.round(t1 - t0)} ms, drawn in ${ms} ms.`;
    });
    cy.on('tap', 'node', ev => {
      const n = ev.target;
      cy!.elements().addClass('faded'); n.closedNeighborhood().removeClass('faded'); n.ancestors().removeClass('faded'); n.descendants().removeClass('faded');
      const id: string = n.id();
      if (id.startsWith('c-')) {
        const c = clusters.find(x => `c-${x.id}` === id)!;
        info.replaceChildren(h('h2', {}, c.label), h('p', {}, `${c.members.length} state(s); ${c.inside} guarantee(s) among them.`),
          h('p', {}, c.members.map(label).join(' · ')));
        return;
      }
      const cow = Number(id.slice(1));
      info.replaceChildren(h('h2', {}, stateLabel(names.get(cow))),
        h('h3', {}, 'Guaranteed by'), describe(edges.filter(g => g.to === cow)),
        h('h3', {}, 'Guarantees'), describe(edges.filter(g => g.from === cow)));
    });
    cy.on('tap', 'edge', ev => {
      const p = pairs.get(ev.target.data('key'))!;
      info.replaceChildren(h('h2', {}, `${p.list.length} guarantee(s)`), describe(p.list));
    });
    cy.on('tap', ev => { if (ev.target === cy) cy!.elements().removeClass('faded'); });
  }
  await load();
}

/**
 * Clusters: each state's organization (the largest first), else the largest multilateral provision (four or more
 * states) binding it, else "other". Deterministic, so the picture is the same on every visit.
 */
function clustersOf(net: any, edges: Edge[]): Cluster[] {
  const clusters = new Map<string, Cluster>();
  const put = (id: string, label: string, short: string, cow: number) => {
    if (!clusters.has(id)) clusters.set(id, { id, label, short, members: [], inside: 0 });
    clusters.get(id)!.members.push(cow);
  };
  const orgs = new Map<string, any>(net.organizations.map((o: any) => [o.id, o]));
  const rest: number[] = [];
  for (const s of net.states) {
    if (s.cluster && orgs.has(s.cluster)) put(s.cluster, orgs.get(s.cluster).name, s.cluster.toUpperCase(), s.cow);
    else rest.push(s.cow);
  }
  const byProvision = new Map<number, Set<number>>();
  for (const e of edges) for (const p of e.provisions) {
    if (!byProvision.has(p)) byProvision.set(p, new Set());
    byProvision.get(p)!.add(e.from).add(e.to);
  }
  const big = [...byProvision.entries()].filter(([, s]) => s.size >= 4).sort((a, b) => b[1].size - a[1].size || a[0] - b[0]);
  for (const cow of rest) {
    const hit = big.find(([, s]) => s.has(cow));
    if (hit) { const p = net.provisions[hit[0]]; put(`p${hit[0]}`, `${p.agreement} ${p.provision}`, p.agreement, cow); }
    else put('other', 'Other states', 'other', cow);
  }
  const list = [...clusters.values()];
  const rank = (c: Cluster) => orgs.has(c.id) ? 0 : c.id === 'other' ? 2 : 1;
  return list.sort((a, b) => rank(a) - rank(b) || b.members.length - a.members.length || a.id.localeCompare(b.id));
}
