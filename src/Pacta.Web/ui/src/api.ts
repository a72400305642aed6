// Calls to the Pacta API. Errors arrive as RFC 9457 problem+json naming the field at fault.
export class Problem extends Error {
  constructor(public status: number, public field: string | null, detail: string) { super(detail); }
}

export async function get(path: string, params?: Record<string, any>): Promise<any> {
  const url = path + (params ? '?' + query(params) : '');
  const r = await fetch(url, { headers: { accept: 'application/json' } });
  return read(r);
}

export async function send(method: string, path: string, body?: any): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = localStorage.getItem('pacta-token');
  if (token) headers.authorization = `Bearer ${token}`;
  // The server sends Referrer-Policy: no-referrer, under which a browser would send 'Origin: null' with a write;
  // 'same-origin' keeps the page's own origin on it, which the server checks.
  const r = await fetch(path, { method, headers, referrerPolicy: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  return read(r);
}

async function read(r: Response) {
  if (r.status === 204) return null;
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Problem(r.status, data?.field ?? null, data?.detail ?? `${r.status} ${r.statusText}`);
  return data;
}

/** URLSearchParams from an object; arrays repeat the key, empty values are left out. */
export function query(params: Record<string, any>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.filter(x => x !== '' && x != null).forEach(x => q.append(k, String(x)));
    else if (v !== '' && v !== undefined && v !== null && v !== false) q.set(k, String(v));
  }
  return q.toString();
}

let statesCache: Promise<any[]> | null = null;
export const states = () => (statesCache ??= get('/api/states'));
let proposalsCache: Promise<any[]> | null = null;
/** Hand-encoded proposals (not signed texts): what the what-if page can assume adopted. */
export const proposals = () => (proposalsCache ??= get('/api/agreements', { origin: 'pacta', form: 'proposal' }));
let agreementsCache: Promise<any[]> | null = null;
export const agreements = () => (agreementsCache ??= get('/api/agreements', { origin: 'pacta' }));
let vocabularyCache: Promise<any> | null = null;
/** The model's closed word sets (/api/vocabulary): event kinds, strengths strongest first, … */
export const vocabulary = () => (vocabularyCache ??= get('/api/vocabulary'));
