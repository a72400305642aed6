import { h } from '../dom';
import { get, send } from '../api';
import { pages, type PageState } from '../main';

/** Saved scenarios: a list with links (each link restores its page) and delete buttons. */
export async function scenariosPage(main: HTMLElement) {
  const list = await get('/api/scenarios', { limit: 500 });
  const ul = h('ul', { class: 'plain', 'data-testid': 'scenarios' }, list.map((sc: any) => h('li', {},
    h('a', { href: sc.url }, sc.name), ` — ${sc.kind}, ${sc.created} `,
    h('button', { type: 'button', onclick: async (e: Event) => { await send('DELETE', `/api/scenarios/${sc.id}`); (e.target as HTMLElement).closest('li')!.remove(); } }, 'Delete'))));
  main.append(h('h1', {}, 'Saved scenarios'), list.length ? ul : h('p', {}, 'None yet: use "Save scenario" on the what-if or compare page.'),
    h('details', {}, h('summary', {}, 'Token for writes'), h('p', {}, 'A server bound beyond loopback needs its token to save or delete.'),
      h('input', { 'aria-label': 'Token', value: localStorage.getItem('pacta-token') ?? '', onchange: (e: Event) => localStorage.setItem('pacta-token', (e.target as HTMLInputElement).value) })));
}

/** /scenarios/ID: the saved page, restored from its state; the URL stays shareable. */
export async function scenarioPage(main: HTMLElement, id: string) {
  const sc = await get(`/api/scenarios/${encodeURIComponent(id)}`);
  const page = pages[sc.kind];
  main.append(h('p', { class: 'banner', 'data-testid': 'scenario-banner' }, `Saved scenario: ${sc.name} (${sc.created})`));
  const state: PageState = {};
  for (const [k, v] of Object.entries(sc.state ?? {})) state[k] = Array.isArray(v) ? v.map(String) : String(v);
  const body = h('div');
  main.append(body);
  await page(body, state);
}
