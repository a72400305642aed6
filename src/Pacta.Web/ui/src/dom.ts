// A tiny element builder: h('div', {class: 'x', onclick: f}, child, 'text', [more]).
export type Child = Node | string | number | null | undefined | false | Child[];

export function h(tag: string, attrs: Record<string, any> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') (el as any).value = v;
    // Through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style attributes set as markup.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

const SVG = 'http://www.w3.org/2000/svg';
export function s(tag: string, attrs: Record<string, any> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function field(label: string, input: HTMLElement, hint?: string): HTMLElement {
  const id = input.id || `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', {}, hint) : null);
}

export function stateLabel(st: any): string {
  if (!st) return '';
  if (st.organization) return `${st.name} (organization)`; // an organization in an obligor's place
  return `${st.name} (${st.iso3 ?? 'COW ' + st.cow})`;
}

/**
 * The page's style nonce (index.html's <meta property="csp-nonce">, set per response by the server): style elements
 * that carry it are allowed by the Content-Security-Policy. Read through the nonce property: browsers hide the
 * attribute's value from the DOM once the page has loaded.
 */
export function cspNonce(): string {
  return (document.querySelector('meta[property="csp-nonce"]') as HTMLMetaElement | null)?.nonce ?? '';
}
