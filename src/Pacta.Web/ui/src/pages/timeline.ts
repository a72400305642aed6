import { h, s } from '../dom';

const immediateWords = /^\s*(forthwith|immediately|without delay|at once)\s*$/i;

/** Due at once with no limit in hours ("forthwith", "immediately"): the server's answer says so; items are read here. */
export function isImmediate(t: any): boolean {
  return t.immediate ?? (!t.deadline && !!t.timing && immediateWords.test(t.timing));
}

const startOf = (e: any) => Date.parse(e.date.length === 10 ? e.date + 'T00:00:00Z' : e.date);

/** When an obligation is due, in words: "immediate (no hour limit)", "by 2025-06-02 00:00 UTC (+24 h)", its timing, or none. */
export function whenText(t: any, event: any): string {
  if (t.deadline) {
    const hours = Math.round((Date.parse(t.deadline) - startOf(event)) / 3.6e6);
    return `by ${t.deadline.replace('T', ' ').replace(':00Z', ' UTC')} (+${hours} h)${t.firmness === 'where-possible' ? ', where possible' : ''}`;
  }
  if (isImmediate(t)) return `immediate (“${t.timing}”, no hour limit)`;
  if (t.timing) return t.timing;
  return 'no time limit stated';
}

/** The deadlines of an outcome in order, immediate ones first, as an SVG time axis from the event plus a readable list. */
export function timeline(o: any): HTMLElement {
  const start = startOf(o.event);
  const groups = new Map<string, any>();
  for (const t of o.triggered) {
    const immediate = isImmediate(t);
    if (!t.deadline && !immediate) continue;
    const key = `${t.agreement}|${t.provision}|${t.action}|${t.deadline}`;
    const g = groups.get(key) ?? { ...t, immediate, obligors: [] as string[] };
    g.obligors.push(t.obligor.iso3 ?? t.obligor.name);
    groups.set(key, g);
  }
  const hoursOf = (i: any) => i.deadline ? (Date.parse(i.deadline) - start) / 3.6e6 : 0;
  const items = [...groups.values()].sort((a, b) => Number(b.immediate) - Number(a.immediate) || hoursOf(a) - hoursOf(b) || a.agreement.localeCompare(b.agreement));
  const box = h('section', { class: 'timeline', 'aria-labelledby': 'h-timeline', 'data-testid': 'timeline' }, h('h2', { id: 'h-timeline' }, `Deadlines (${items.length})`));
  if (items.length === 0) { box.append(h('p', {}, 'No triggered obligation is due immediately or sets a deadline in hours.')); return box; }
  const hours = items.map(hoursOf);
  const max = Math.max(...hours, 24);
  const rowH = 26, left = 8, width = 900, axis = 24;
  const svg = s('svg', { viewBox: `0 0 ${width + 120} ${items.length * rowH + axis + 8}`, class: 'timeline-svg', role: 'img', 'aria-label': 'Deadlines after the event, in hours; immediate ones at zero' });
  const x = (hr: number) => left + (hr / max) * width;
  for (let k = 0; k <= 4; k++) {
    const hr = (max * k) / 4;
    svg.append(s('line', { x1: x(hr), x2: x(hr), y1: 0, y2: items.length * rowH, class: 'grid' }),
      s('text', { x: x(hr), y: items.length * rowH + 16, 'text-anchor': 'middle', class: 'axis' }, `+${Math.round(hr)} h`));
  }
  items.forEach((it, i) => {
    const y = i * rowH + 4;
    svg.append(s('rect', { x: left, y, width: Math.max(6, x(hours[i]) - left), height: rowH - 8, class: `bar s-${it.strength}${it.immediate ? ' immediate' : ''}` }),
      s('text', { x: left + 10, y: y + rowH - 13, class: 'bar-label' }, `${it.agreement} ${it.provision} (${it.immediate ? 'immediate' : `+${Math.round(hours[i])} h`})`));
  });
  box.append(svg, h('ol', { class: 'plain deadlines' }, items.map(it =>
    h('li', {}, it.deadline
      ? [h('time', { datetime: it.deadline }, it.deadline.replace('T', ' ').replace(':00Z', ' UTC')), ` (+${Math.round(hoursOf(it))} h${it.firmness === 'where-possible' ? ', where possible' : ''}) `]
      : `${whenText(it, o.event)} `,
      h('strong', {}, `${it.agreement} ${it.provision}`), `: ${it.action} — ${it.obligors.join(', ')}`))));
  return box;
}
