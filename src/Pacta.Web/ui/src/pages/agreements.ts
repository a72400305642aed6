import { h, field } from '../dom';
import { get, states, vocabulary } from '../api';
import { setUrlState, type PageState } from '../main';

/** Agreements: browse and filter by day in force, party, bindingness, provision kind and origin. */
export async function agreementsPage(main: HTMLElement, state: PageState) {
  const st: any = { in_force_on: '', party: '', bindingness: '', kind: '', origin: 'pacta', q: '', ...state };
  const stateList = await states();
  // Provision kinds, bindingness and origins are the server's words (/api/vocabulary), not copies kept here.
  const words = await vocabulary();
  const sel = (name: string, options: string[], label: string) => field(label,
    h('select', { name }, h('option', { value: '' }, 'any'), options.map(o => h('option', { value: o, selected: st[name] === o }, o))));
  const form = h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: Event) => { e.preventDefault(); read(); load(); } },
    h('datalist', { id: 'dl-party' }, stateList.filter((x: any) => x.iso3).map((x: any) => h('option', { value: x.iso3 }, x.name))),
    field('Text', h('input', { name: 'q', value: st.q, placeholder: 'id or title' })),
    field('In force on', h('input', { name: 'in_force_on', type: 'date', value: st.in_force_on })),
    field('Party', h('input', { name: 'party', list: 'dl-party', value: st.party, placeholder: 'UKR' })),
    sel('bindingness', words.bindingness, 'Bindingness'),
    sel('kind', words.provision_kinds, 'Provision kind'),
    sel('origin', words.origins, 'Origin'),
    h('button', { type: 'submit', class: 'primary' }, 'Filter'));
  const out = h('div', { 'aria-live': 'polite' });
  main.append(h('h1', {}, 'Agreements'), form, out);

  function read() {
    for (const el of form.querySelectorAll('input[name], select[name]') as NodeListOf<HTMLInputElement>) st[el.name] = el.value.trim();
  }
  async function load() {
    setUrlState(st);
    try {
      const rows = await get('/api/agreements', st);
      out.replaceChildren(h('p', {}, `${rows.length} agreement(s)`), h('div', { class: 'scroll' }, h('table', { 'data-testid': 'agreements' },
        h('thead', {}, h('tr', {}, ['Agreement', 'Form', 'Bindingness', 'Status', 'In force', 'Parties'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows.map((a: any) => h('tr', {},
          h('td', {}, h('a', { href: `/agreements/${encodeURIComponent(a.id)}` }, a.title), h('br'), h('code', {}, a.id)),
          h('td', {}, a.form), h('td', {}, a.bindingness), h('td', {}, a.status),
          h('td', {}, a.in_force.from ? `${a.in_force.from} – ${a.in_force.to ?? ''}` : 'not in force'),
          h('td', {}, a.parties.length > 8 ? `${a.parties.slice(0, 8).map((p: any) => p.iso3 ?? p.name).join(', ')} … (${a.parties.length})` : a.parties.map((p: any) => p.iso3 ?? p.name).join(', '))))))));
    } catch (e: any) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }
  await load();
}
