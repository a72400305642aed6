import { h } from '../dom';
import { send } from '../api';

/** "Save this scenario": stores the page state on the server and shows the shareable URL. */
export function saveBox(kind: string, state: () => Record<string, any>, suggested: string): HTMLElement {
  const name = h('input', { value: suggested, 'aria-label': 'Scenario name', name: 'scenario-name' }) as HTMLInputElement;
  const out = h('span', { class: 'saved', 'aria-live': 'polite', 'data-testid': 'saved' });
  return h('form', {
    class: 'savebox', onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        const saved = await send('POST', '/api/scenarios', { name: name.value, kind, state: state() });
        const url = location.origin + saved.url;
        out.replaceChildren('Saved: ', h('a', { href: saved.url, 'data-testid': 'saved-link' }, url));
      } catch (err: any) {
        out.textContent = err.message;
      }
    },
  }, name, h('button', { type: 'submit' }, 'Save scenario'), out);
}
