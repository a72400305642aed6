import { h } from '../dom';
import { get } from '../api';

/** The API reference, rendered here from the server's OpenAPI document (no third-party viewer, no CDN). */
export async function apiReferencePage(main: HTMLElement) {
  const doc = await get('/openapi/v1.json');
  main.append(h('h1', {}, doc.info?.title ?? 'API'), h('p', {}, doc.info?.description ?? ''),
    h('p', {}, 'The OpenAPI document: ', h('a', { href: '/openapi/v1.json' }, '/openapi/v1.json'),
      '. Errors are RFC 9457 problem+json with "field" naming the field at fault.'));
  for (const [path, ops] of Object.entries<any>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<any>(ops)) {
      if (typeof op !== 'object' || !op.responses) continue;
      main.append(h('section', { class: 'endpoint', 'data-testid': 'endpoint' },
        h('h2', {}, h('span', { class: `method m-${method}` }, method.toUpperCase()), ' ', h('code', {}, path)),
        op.summary ? h('p', {}, h('strong', {}, op.summary)) : null,
        op.description ? h('p', {}, op.description) : null,
        op.parameters?.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Parameter', 'In', 'Type', 'Required'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, op.parameters.map((p: any) => h('tr', {}, h('td', {}, h('code', {}, p.name)), h('td', {}, p.in),
            h('td', {}, p.schema?.type ?? (p.schema?.items ? 'array' : '')), h('td', {}, p.required ? 'yes' : 'no'))))) : null,
        op.requestBody ? h('p', {}, 'Body: ', Object.keys(op.requestBody.content ?? {}).join(', ')) : null,
        h('p', { class: 'src' }, 'Responses: ', Object.keys(op.responses).join(', '))));
    }
  }
}
