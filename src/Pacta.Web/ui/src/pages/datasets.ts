import { h, field } from '../dom';
import { get, query } from '../api';
import { setUrlState, type PageState } from '../main';

/** A contested point's address as `reading` takes it: atop-ID:CLAUSE. */
const pointKey = (c: any) => `${c.review}:${c.clause}`;

/**
 * Datasets: the dyad-years and state-years of `pacta dyads` / `pacta state-years` as a download, with the reading of
 * each contested point of the review of ATOP alliances after the release (as `--reading` chooses it). The link
 * carries the non-default choices; the page says which reading the file is read under, as the CLI's summary does.
 */
export async function datasetsPage(main: HTMLElement, state: PageState) {
  const [list, readings] = await Promise.all([get('/api/datasets'), get('/api/datasets/readings')]);
  const points: any[] = readings.contested;
  const thisYear = new Date().getUTCFullYear();
  const str = (k: string, d: string) => (typeof state[k] === 'string' && state[k] ? state[k] as string : d);
  // The choices in the URL, by point: atop-ID:CLAUSE=READING (a CLAUSE=READING without scope applies to every review with that point).
  const chosen = new Map<string, string>();
  for (const r of ([] as string[]).concat((state.reading as any) ?? [])) {
    const eq = r.lastIndexOf('=');
    const key = r.slice(0, eq);
    for (const c of points) if (key === pointKey(c) || key === c.clause) chosen.set(pointKey(c), r.slice(eq + 1));
  }
  const current = (c: any) => chosen.get(pointKey(c)) ?? c.default;

  const dataset = h('select', { name: 'dataset' }, list.map((d: any) => h('option', { value: d.name, selected: d.name === str('dataset', 'dyad-years') }, d.name))) as HTMLSelectElement;
  const from = h('input', { type: 'number', name: 'from', min: 1815, max: thisYear, value: str('from', '2019') }) as HTMLInputElement;
  const to = h('input', { type: 'number', name: 'to', min: 1815, max: thisYear, value: str('to', String(thisYear)) }) as HTMLInputElement;
  const format = h('select', { name: 'format' }, ['csv', 'parquet'].map(f => h('option', { value: f, selected: f === str('format', 'csv') }, f))) as HTMLSelectElement;
  const link = h('a', { class: 'button primary', 'data-testid': 'download', download: '' }, 'Download') as HTMLAnchorElement;
  const used = h('p', { class: 'readings-used', 'data-testid': 'readings-used', 'aria-live': 'polite' });

  const update = () => {
    const reading = points.filter(c => current(c) !== c.default).map(c => `${pointKey(c)}=${current(c)}`);
    const params = { format: format.value, from: from.value, to: to.value, reading };
    link.href = `/api/datasets/${encodeURIComponent(dataset.value)}?${query(params)}`;
    setUrlState({ dataset: dataset.value, from: from.value, to: to.value, format: format.value, reading });
    const release = Number(list[0]?.release_end ?? 2018);
    const past = Number(to.value) > release;
    used.textContent = !points.length ? 'The review has no contested point.'
      : !past ? `The years end by ${release}, the last year of the ATOP release: the table is ATOP's own and no reading applies.`
      : 'This file reads ' + points.map(c => `${c.clause} = ${current(c)}${current(c) === c.default ? ' (default)' : ' (not the default)'}`).join('; ') + '.';
  };

  const fieldsets = points.map(c => {
    const name = `reading-${pointKey(c)}`;
    return h('fieldset', { class: 'clause', 'data-point': pointKey(c) },
      h('legend', {}, h('code', {}, c.review), ` ${c.name} — ${c.question}`),
      c.readings.map((r: any) => {
        const id = `${name}-${r.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
        const input = h('input', {
          type: 'radio', name, value: r.id, id, checked: current(c) === r.id,
          onchange: () => { chosen.set(pointKey(c), r.id); update(); },
        });
        return h('div', { class: 'reading' },
          h('label', { class: 'check', for: id }, input, h('span', {}, h('code', {}, r.id), r.id === c.default ? h('span', { class: 'tag' }, 'default') : null, ` ${r.summary}`)),
          r.sources.length ? h('small', { class: 'sources' }, 'Sources: ', r.sources.map((s: any, i: number) => [i ? ', ' : '',
            s.url ? h('a', { href: s.url, rel: 'noreferrer', target: '_blank', title: s.supports ?? '' }, s.id) : s.id])) : null);
      }),
      h('p', { class: 'note default-reason' }, h('strong', {}, `Default ${c.default}: `), c.default_reason));
  });

  for (const el of [dataset, from, to, format]) el.addEventListener('change', update);
  main.append(h('h1', {}, 'Datasets'),
    h('p', {}, 'ATOP-style dyad-years and state-years as ', h('code', {}, 'pacta dyads'), ' and ', h('code', {}, 'pacta state-years'),
      ' write them: ATOP up to its release, continued after it by the review of every alliance still open and Pacta\'s own codings (docs/datasets.md).'),
    h('form', { class: 'datasets-form', onsubmit: (e: Event) => e.preventDefault() },
      field('Dataset', dataset), field('From (year)', from), field('To (year)', to), field('Format', format)),
    h('section', { 'data-testid': 'contested-points' },
      h('h2', {}, `Contested points of the review (${points.length})`),
      h('p', { class: 'note' }, 'Where the sources disagree on what happened to an alliance after the release, each reading is kept with its sources; the default is used unless you choose another. Readings change only the years after the release.'),
      fieldsets),
    used, link);
  update();
}
