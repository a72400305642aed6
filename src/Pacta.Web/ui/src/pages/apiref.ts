import { h } from '../dom';

/**
 * The API reference: Swagger UI (swagger-ui-dist from npm, bundled here, loaded only on this page) over the server's
 * OpenAPI document, with "Try it out" against this server. Nothing is fetched from elsewhere: no validator badge,
 * no CDN; its stylesheet is a file of the bundle, so the strict Content-Security-Policy holds.
 */
export async function apiReferencePage(main: HTMLElement) {
  const box = h('div', { class: 'swagger', 'data-testid': 'api-explorer' });
  main.append(h('h1', {}, 'API reference'),
    h('p', {}, 'Every route of ', h('code', {}, 'pacta serve'), ', from its OpenAPI document (',
      h('a', { href: '/openapi/v1.json' }, '/openapi/v1.json'), '). Open a route and choose “Try it out” to call it here. ',
      'Errors are RFC 9457 problem+json with ', h('code', {}, 'field'), ' naming the field at fault.'),
    box);
  const [{ default: SwaggerUI }] = await Promise.all([
    import('swagger-ui-dist/swagger-ui-es-bundle.js' as any),
    import('swagger-ui-dist/swagger-ui.css'),
  ]);
  // Swagger UI leaves its server picker without a label; name it for screen readers (and axe) whenever it appears.
  const label = () => box.querySelectorAll('select:not([aria-label])').forEach(sel => sel.setAttribute('aria-label', sel.id === 'servers' ? 'Server' : 'Choose'));
  new MutationObserver(label).observe(box, { childList: true, subtree: true });
  SwaggerUI({
    domNode: box,
    url: '/openapi/v1.json',
    validatorUrl: null,
    deepLinking: false,
    tryItOutEnabled: false,
    defaultModelsExpandDepth: -1,
    docExpansion: 'list',
    // Writes carry the page's origin, which the server checks (it sends Referrer-Policy: no-referrer).
    requestInterceptor: (req: any) => { req.referrerPolicy = 'same-origin'; return req; },
  });
}
