import { h, s } from '../dom';

/** The deadlines of an outcome in order, as an SVG time axis from the event (hours) plus a readable list. */
export function timeline(o: any): HTMLElement {
  const start = Date.parse(o.event.date.length === 10 ? o.event.date + 'T00:00:00Z' : o.event.date);
  const groups = new Map<string, any>();
  for (const t of o.triggered) {
    if (!t.deadline) continue;
    const key = `${t.agreement}|${t.provision}|${t.action}|${t.deadline}`;
    const g = groups.get(key) ?? { ...t, obligors: [] as string[] };
    g.obligors.push(t.obligor.iso3 ?? t.obligor.name);
    groups.set(key, g);
  }
  const items = [...groups.values()].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.agreement.localeCompare(b.agreement));
  const box = h('section', { class: 'timeline', 'aria-labelledby': 'h-timeline', 'data-testid': 'timeline' }, h('h2', { id: 'h-timeline' }, `Deadlines (${items.length})`));
  if (items.length === 0) { box.append(h('p', {}, 'No triggered obligation sets a deadline in hours.')); return box; }
  const hours = items.map(i => (Date.parse(i.deadline) - start) / 3.6e6);
  const max = Math.max(...hours, 1);
  const rowH = 26, left = 8, width = 900, axis = 24;
  const svg = s('svg', { viewBox: `0 0 ${width + 120} ${items.length * rowH + axis + 8}`, class: 'timeline-svg', role: 'img', 'aria-label': 'Deadlines after the event, in hours' });
  const x = (hr: number) => left + (hr / max) * width;
  for (let k = 0; k <= 4; k++) {
    const hr = (max * k) / 4;
    svg.append(s('line', { x1: x(hr), x2: x(hr), y1: 0, y2: items.length * rowH, class: 'grid' }),
      s('text', { x: x(hr), y: items.length * rowH + 16, 'text-anchor': 'middle', class: 'axis' }, `+${Math.round(hr)} h`));
  }
  items.forEach((it, i) => {
    const y = i * rowH + 4;
    svg.append(s('rect', { x: left, y, width: Math.max(2, x(hours[i]) - left), height: rowH - 8, class: `bar s-${it.strength}` }),
      s('text', { x: left + 4, y: y + rowH - 13, class: 'bar-label' }, `${it.agreement} ${it.provision} (+${Math.round(hours[i])} h)`));
  });
  box.append(svg, h('ol', { class: 'plain deadlines' }, items.map((it, i) =>
    h('li', {}, h('time', { datetime: it.deadline }, it.deadline.replace('T', ' ').replace(':00Z', ' UTC')), ` (+${Math.round(hours[i])} h${it.firmness === 'where-possible' ? ', where possible' : ''}) `,
      h('strong', {}, `${it.agreement} ${it.provision}`), `: ${it.action} — ${it.obligors.join(', ')}`))));
  return box;
}
