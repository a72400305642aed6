import './style.css';
import { h } from './dom';
import { whatIfPage } from './pages/whatif';
import { agreementsPage } from './pages/agreements';
import { agreementPage } from './pages/agreement';
import { comparePage } from './pages/compare';
import { scenariosPage, scenarioPage } from './pages/scenarios';
import { apiReferencePage } from './pages/apiref';

// Pages are plain functions of (main element, page state). The state lives in the URL's query string, so
// every page can be bookmarked, shared and restored; saved scenarios store the same state on the server.
export type PageState = Record<string, string | string[]>;
export type Page = (main: HTMLElement, state: PageState) => void | Promise<void>;

export const pages: Record<string, Page> = {
  'what-if': whatIfPage,
  agreements: agreementsPage,
  // Loaded when first opened: they bring cytoscape, which the what-if page does not need.
  network: (m, s) => import('./pages/network').then(p => p.networkPage(m, s)),
  compare: comparePage,
  cascade: (m, s) => import('./pages/cascade').then(p => p.cascadePage(m, s)),
  datasets: (m, s) => import('./pages/datasets').then(p => p.datasetsPage(m, s)),
};

const main = document.getElementById('main')!;

export function stateOf(search: string): PageState {
  const out: PageState = {};
  const q = new URLSearchParams(search);
  for (const k of new Set(q.keys())) {
    const all = q.getAll(k);
    out[k] = all.length > 1 || ['ceasefire', 'adopted', 'member', 'agreement', 'reading', 'event_attributes'].includes(k) ? all : all[0];
  }
  return out;
}

/** Replaces the page's query string without reloading (the page already shows that state). */
export function setUrlState(state: PageState) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (Array.isArray(v)) v.forEach(x => x && q.append(k, x));
    else if (v) q.set(k, v);
  }
  const path = location.pathname.startsWith('/scenarios/') ? location.pathname : location.pathname;
  history.replaceState(null, '', path + (q.toString() ? '?' + q : ''));
}

export function navigate(url: string) {
  history.pushState(null, '', url);
  route();
}

async function route() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  main.replaceChildren();
  // "/" is the what-if page, so its nav item is the current one there too.
  const active = path === '/' ? '/what-if' : path;
  document.querySelectorAll('header nav a').forEach(a => {
    if (active.startsWith(a.getAttribute('href')!)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const state = stateOf(location.search);
  try {
    if (parts.length === 0) await whatIfPage(main, state);
    else if (parts[0] === 'agreements' && parts[1]) await agreementPage(main, decodeURIComponent(parts[1]));
    else if (parts[0] === 'scenarios' && parts[1]) await scenarioPage(main, parts[1]);
    else if (parts[0] === 'scenarios') await scenariosPage(main);
    else if (parts[0] === 'api-reference') await apiReferencePage(main);
    // Loaded when first opened: it brings CodeMirror, which no other page needs.
    else if (parts[0] === 'studio') await import('./pages/studio').then(p => p.studioPage(main, parts[1]));
    else if (pages[parts[0]]) await pages[parts[0]](main, state);
    else main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, `No page ${path}.`));
  } catch (e: any) {
    main.append(h('p', { class: 'error', role: 'alert' }, String(e?.message ?? e)));
  }
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

// Internal links navigate without reloading.
document.addEventListener('click', e => {
  const a = (e.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const href = a.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('/api/') || href.startsWith('/openapi')) return;
  e.preventDefault();
  const [p, hash] = href.split('#');
  if (p === location.pathname + location.search && hash) { document.getElementById(hash)?.scrollIntoView(); history.replaceState(null, '', href); return; }
  navigate(href);
  main.focus();
});
window.addEventListener('popstate', route);
route();
