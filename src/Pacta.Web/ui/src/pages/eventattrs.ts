import { h, field } from '../dom';
import { get } from '../api';
import { provisionHref } from '../explain';

let attrsCache: Promise<any[]> | null = null;
/** The event attributes the corpus's thresholds and void-if conditions ask about (/api/event-attributes), fetched once. */
export const eventAttributes = () => (attrsCache ??= get('/api/event-attributes').then((r: any) => r.attributes));

const values = ['unknown', 'yes', 'no'];

/**
 * One yes / no / unknown choice per attribute, named after the clauses that ask about it. `read` gives the stated
 * ones as NAME=yes|no, what `event_attributes` takes; unknown is left out (the server's default).
 */
export function attributeFields(attrs: any[], stated: string[]) {
  const given = new Map(stated.map(s => s.split('=') as [string, string]));
  const selects = attrs.map(a => h('select', { name: `attr-${a.name}`, id: `f-attr-${a.name}`, 'data-attribute': a.name },
    values.map(v => h('option', { value: v, selected: (given.get(a.name) ?? 'unknown') === v }, v))) as HTMLSelectElement);
  const element = attrs.length ? h('fieldset', { class: 'checks attributes', 'data-testid': 'event-attributes' },
    h('legend', {}, 'What is known of the attack'),
    h('small', {}, 'asked by thresholds and void-if conditions; unknown leaves the clauses they decide undecided'),
    h('div', { class: 'row wrap' }, attrs.map((a, i) => field(a.name, selects[i],
      a.used_by.map((u: any) => `${u.clause === 'void_if' ? 'void if' : 'threshold'} of ${u.agreement} ${u.provision}${u.text ? `: “${u.text}”` : ''}`).join('; '))))) : null;
  return {
    element,
    read: () => selects.filter(s => s.value !== 'unknown').map(s => `${s.dataset.attribute}=${s.value}`),
    /** Sets one attribute (a "decide it" button under an undecided item). */
    set: (name: string, value: string) => { const s = selects.find(x => x.dataset.attribute === name); if (s) s.value = value; return !!s; },
  };
}

/** The attribute names an undecided text asks for ("decide with --event-attribute sustained=yes|no"). */
const asked = (text: string) => [...text.matchAll(/--event-attribute ([a-z0-9-]+)=/g)].map(m => m[1]);

/**
 * The obligations owed only if facts the event does not state go the right way ([undecided]), apart from the
 * rest, each with what would decide it and buttons that state it and evaluate again.
 */
export function undecidedSection(o: any, decide: (name: string, value: string) => void): HTMLElement | null {
  const items: any[] = o.triggered.filter((t: any) => t.undecided?.length);
  if (!items.length) return null;
  const byProvision = new Map<string, any[]>();
  for (const t of items) {
    const key = `${t.agreement}|${t.provision_id}`;
    if (!byProvision.has(key)) byProvision.set(key, []);
    byProvision.get(key)!.push(t);
  }
  return h('section', { class: 'undecided', 'aria-labelledby': 'h-undecided', 'data-testid': 'undecided' },
    h('h2', { id: 'h-undecided' }, `[undecided] Owed only if unstated facts go the right way (${items.length})`),
    [...byProvision.values()].map(list => {
      const f = list[0];
      const names = [...new Set(list.flatMap((t: any) => t.undecided.flatMap(asked)))] as string[];
      return h('article', { class: 'item', 'data-agreement': f.agreement, 'data-provision': f.provision },
        h('h3', {}, h('a', { href: provisionHref(f.agreement, f.provision) }, `${f.agreement} ${f.provision}`), ' ', h('span', { class: 'tag undecided-tag' }, 'undecided')),
        h('p', {}, `${list.map((t: any) => t.obligor.iso3 ?? t.obligor.name).join(', ')}: ${f.action}`),
        h('ul', { class: 'conditions' }, [...new Set(list.flatMap((t: any) => t.undecided))].map((u: any) => h('li', {}, u))),
        names.length ? h('p', { class: 'decide' }, 'Decide it: ', names.map(n => h('span', { class: 'decide-one' }, h('code', {}, n), ' ',
          ['yes', 'no'].map(v => h('button', { type: 'button', class: 'chip', 'data-decide': `${n}=${v}`, onclick: () => decide(n, v) }, v)), ' '))) : null);
    }));
}
