import { h } from './dom';

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Link to a provision on its agreement's page. */
export function provisionHref(agreement: string, citation: string) {
  return `/agreements/${encodeURIComponent(agreement)}#p-${slug(citation)}`;
}

/** An explanation tree as nested lists: each check with its result and a link to the provision and file line. */
export function explanationTree(tree: any): HTMLElement {
  return h('ul', { class: 'tree', role: 'tree', 'data-testid': 'explanation' }, node(tree));
}

function node(t: any): HTMLElement {
  const cls = t.result === 'met' ? 'met' : t.result === 'not met' ? 'notmet' : 'unknown';
  const src = t.source;
  return h('li', { role: 'treeitem' },
    h('span', { class: `badge ${cls}` }, t.result),
    ' ', t.check,
    src ? h('span', { class: 'src' }, ' — ',
      h('a', { href: provisionHref(src.agreement, src.provision) }, `${src.agreement} ${src.provision}`),
      src.file ? ` (${src.file}:${src.line})` : '') : null,
    t.children?.length ? h('ul', { role: 'group' }, t.children.map(node)) : null);
}
