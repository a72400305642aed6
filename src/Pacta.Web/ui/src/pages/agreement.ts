import { h, stateLabel } from '../dom';
import { get } from '../api';
import { slug } from '../explain';

const selector = (s: any) => Array.isArray(s) ? s.map(stateLabel).join(', ') : s && typeof s === 'object' ? stateLabel(s) : String(s);

/** One agreement: dates, parties, every provision with its citation, quote, trigger, obligations and sources. */
export async function agreementPage(main: HTMLElement, id: string) {
  const a = await get(`/api/agreements/${encodeURIComponent(id)}`);
  const sourceLink = (sid: string) => {
    const src = a.sources.find((x: any) => x.id === sid);
    return h('a', { href: `#source-${slug(sid)}` }, src ? sid : sid);
  };
  const d = a.dates;
  main.append(h('article', { class: 'agreement' },
    h('h1', {}, a.title), h('p', {}, h('code', {}, a.id), ` · ${a.form}${a.status !== a.form ? ` · ${a.status}` : ''} · bindingness: `, h('strong', {}, a.bindingness), a.bindingness_note ? ` — ${a.bindingness_note}` : ''),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Signed'), h('dd', {}, d.signed ?? '—'),
      h('dt', {}, 'In force'), h('dd', {}, d.in_force ? `${d.in_force} – ${d.last_day ?? 'open'}` : 'not in force'),
      d.duration ? [h('dt', {}, 'Duration'), h('dd', {}, d.duration)] : null,
      d.notice ? [h('dt', {}, 'Notice'), h('dd', {}, d.notice)] : null,
      d.termination ? [h('dt', {}, 'Termination'), h('dd', {}, d.termination)] : null,
      h('dt', {}, 'File'), h('dd', {}, h('code', {}, a.file))),
    h('h2', {}, `Parties (${a.parties.length})`),
    h('ul', { class: 'plain cols' }, a.parties.map((p: any) => h('li', {}, p.state ? stateLabel(p.state) : `organization ${p.organization}`, ` — ${p.role}`, p.from ? ` from ${p.from}` : '', p.to ? ` to ${p.to}` : ''))),
    h('h2', {}, `Provisions (${a.provisions.length})`),
    a.provisions.map((p: any) => h('section', { class: 'provision', id: `p-${slug(p.citation)}`, tabindex: '-1' },
      h('h3', {}, `${p.citation} — ${p.kind}`),
      p.summary ? h('p', {}, p.summary) : null,
      p.quote ? h('blockquote', {}, p.quote) : null,
      p.trigger ? h('p', {}, h('strong', {}, 'Trigger: '), `${p.trigger.kinds.join(' or ')} on ${selector(p.trigger.target)} by ${selector(p.trigger.attacker)}`,
        p.trigger.scope.include.length ? `; within ${p.trigger.scope.include.join(', ')}` : '', p.trigger.scope.exclude.length ? `; not ${p.trigger.scope.exclude.join(', ')}` : '',
        p.trigger.after_hostilities ? `; only after the hostilities of ${p.trigger.after_hostilities}` : '') : null,
      p.obligations.length ? h('ul', {}, p.obligations.map((o: any) => h('li', {},
        h('strong', {}, `${selector(o.obligor)} → ${selector(o.beneficiary)}: `), o.action, ` (${o.strength}${o.deadline ? ', within ' + o.deadline : ''}${o.timing ? ', ' + o.timing : ''})`,
        o.conditions.length ? h('ul', {}, o.conditions.map((c: any) => h('li', {}, `${c.kind}: ${c.text}`))) : null))) : null,
      p.conditions.length ? h('ul', { class: 'conditions' }, p.conditions.map((c: any) => h('li', {}, `${c.kind}: ${c.text}`))) : null,
      p.breached_by.length ? h('p', {}, `Broken by: ${p.breached_by.join(', ')}`) : null,
      p.sources.length ? h('p', { class: 'src' }, 'Sources: ', p.sources.map((s: string, i: number) => [i ? ', ' : '', sourceLink(s)])) : null,
      h('p', { class: 'src' }, `${a.file}:${p.line}`))),
    h('h2', {}, 'Sources'),
    h('ul', {}, a.sources.map((s: any) => h('li', { id: `source-${slug(s.id)}` }, h('strong', {}, s.id), ': ',
      s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url) : '', s.supports ? ` — ${s.supports}` : '', s.reliability ? ` (${s.reliability})` : ''))),
    a.notes.length ? [h('h2', {}, 'Notes'), h('ul', {}, a.notes.map((n: string) => h('li', {}, n)))] : null,
    a.uncertain.length ? [h('h2', {}, 'Uncertain'), h('ul', {}, a.uncertain.map((n: string) => h('li', {}, n)))] : null));
}
