import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
// CodeMirror's undo history is imported as editHistory: under its own name it would hide window.history, whose
// replaceState the saves use to put the version's share URL in the address bar.
import { defaultKeymap, history as editHistory, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { setDiagnostics, lintGutter, type Diagnostic } from '@codemirror/lint';
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput } from '@codemirror/language';
import { h, field, cspNonce } from '../dom';
import { get, send, agreements } from '../api';
import { schemaCompletion } from './studioschema';
import { TEMPLATE } from './studiotemplate';

/** The references a draft is compared with (the issue's three), each offered as a checkbox. */
const REFERENCES: [string, string][] = [
  ['north-atlantic-treaty-1949', 'NATO Art. 5'],
  ['kyiv-security-compact-2022', 'Kyiv Security Compact'],
  ['budapest-memorandum-1994', 'Budapest Memorandum'],
];

/** How long the text must rest before the studio asks the server again (ms). */
const PAUSE = 350;

/**
 * The drafting studio: a YAML editor (CodeMirror 6) with completion from the agreement schema; on every pause the
 * server validates the text (errors inline at line and column), assesses it and compares it with the chosen
 * references. Saves are versions (author, note); the URL /studio/ID@VERSION opens one; any version can be diffed
 * against the text or restored.
 */
export async function studioPage(main: HTMLElement, target?: string) {
  const [draftFromUrl, versionFromUrl] = (target ? decodeURIComponent(target) : '').split('@');
  const list = await agreements().catch(() => [] as any[]);

  const start = h('select', { name: 'start' },
    h('option', { value: '' }, 'Template: a bilateral guarantee'),
    h('optgroup', { label: 'Agreements in the corpus' }, list.map((a: any) => h('option', { value: a.id }, `${a.id} — ${a.title}`)))) as HTMLSelectElement;
  // The server's id rule. Browsers compile pattern with the v flag, where a bare '-' in a class is a syntax error
  // that makes them ignore the whole pattern, hence the escaped '\-'.
  const draftId = h('input', { name: 'draft-id', value: draftFromUrl || 'my-draft', pattern: String.raw`[a-z0-9][a-z0-9\-]{1,79}`, required: true, autocomplete: 'off' }) as HTMLInputElement;
  const author = h('input', { name: 'author', value: localStorage.getItem('pacta-author') ?? '', autocomplete: 'name' }) as HTMLInputElement;
  const note = h('input', { name: 'note', autocomplete: 'off' }) as HTMLInputElement;
  const saved = h('p', { 'aria-live': 'polite', 'data-testid': 'studio-saved' });
  const diagnostics = h('ul', { class: 'diagnostics', 'data-testid': 'diagnostics' });
  const status = h('p', { class: 'studio-status', 'aria-live': 'polite', 'data-testid': 'studio-status' });
  const assessment = h('div', { 'data-testid': 'assessment' });
  // Which scenario classes the per-class table shows; kept across updates, so an edit does not reset the choice.
  const classFilter = h('select', { name: 'class-filter', onchange: () => lastAssessment && showAssessment(lastAssessment) },
    h('option', { value: 'all' }, 'every class'),
    h('option', { value: 'gaps' }, 'classes with gaps'),
    h('option', { value: 'draft' }, 'classes the draft obliges in')) as HTMLSelectElement;
  let lastAssessment: any = null;
  // Focusable, so a keyboard can scroll the table when it is wider than the screen.
  const comparison = h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Comparison with the references', 'data-testid': 'studio-comparison' });
  const versions = h('ol', { class: 'versions', reversed: true, 'data-testid': 'versions' });
  const diff = h('div', { 'aria-live': 'polite', 'data-testid': 'diff' });
  const refBoxes = REFERENCES.map(([id, label]) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'reference', value: id, checked: true, onchange: () => schedule() }), ' ', label));
  const diffAgainst = h('select', { name: 'diff-agreement' }, list.map((a: any) => h('option', { value: a.id }, a.id))) as HTMLSelectElement;

  const editorBox = h('div', { class: 'studio-editor', 'data-testid': 'editor' });
  const view = new EditorView({
    parent: editorBox,
    state: EditorState.create({
      doc: TEMPLATE,
      extensions: [
        lineNumbers(), editHistory(), highlightActiveLine(), indentOnInput(), lintGutter(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }), yaml(),
        autocompletion({ override: [schemaCompletion] }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        EditorView.lineWrapping,
        // CodeMirror adds its themes as <style> elements; the CSP (style-src 'self' 'nonce-…') takes them only with the page's nonce.
        EditorView.cspNonce.of(cspNonce()),
        EditorView.contentAttributes.of({ 'aria-label': 'Draft agreement (YAML)' }),
        // Gutter text dark enough for WCAG AA on the gutter's background.
        EditorView.theme({ '.cm-gutters': { color: '#4a4a4a', backgroundColor: '#f4f4f4' } }),
        EditorView.updateListener.of(u => { if (u.docChanged) schedule(); }),
      ],
    }),
  });
  const text = () => view.state.doc.toString();
  const setText = (yamlText: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: yamlText } });

  main.append(
    h('h1', {}, 'Drafting studio'),
    h('form', { class: 'studio-start', onsubmit: async (e: Event) => { e.preventDefault(); await startFrom(start.value); } },
      field('Start from', start), h('button', { type: 'submit' }, 'Load')),
    h('div', { class: 'studio' },
      h('section', { class: 'studio-left', 'aria-labelledby': 'studio-text' },
        h('h2', { id: 'studio-text' }, 'Text'), editorBox,
        h('h3', {}, 'Problems'), diagnostics,
        h('form', { class: 'studio-save', onsubmit: async (e: Event) => { e.preventDefault(); await save(); } },
          field('Draft id', draftId), field('Author', author), field('Note', note),
          h('button', { type: 'submit', class: 'primary' }, 'Save version'),
          h('button', { type: 'button', onclick: exportYaml }, 'Export YAML')),
        saved),
      h('section', { class: 'studio-right', 'aria-labelledby': 'studio-assessment' },
        h('h2', { id: 'studio-assessment' }, 'Assessment'), status, assessment,
        h('h2', {}, 'Compared with'), h('fieldset', { class: 'refs' }, h('legend', {}, 'References'), refBoxes), comparison,
        h('h2', {}, 'Versions'), versions,
        h('form', { class: 'studio-diff', onsubmit: (e: Event) => { e.preventDefault(); showDiff({ agreement: diffAgainst.value }, diffAgainst.value); } },
          field('Diff against a corpus agreement', diffAgainst), h('button', { type: 'submit' }, 'Diff')),
        h('h2', {}, 'Diff'), diff)));

  let timer: number | undefined;
  let inflight: AbortController | null = null;
  function schedule() {
    clearTimeout(timer);
    timer = window.setTimeout(update, PAUSE);
  }

  /** Validate, then (when the text reads) assess and compare; a newer edit aborts what is still running. */
  async function update() {
    inflight?.abort();
    const ctl = inflight = new AbortController();
    const body = text();
    status.textContent = 'Checking…';
    try {
      const v = await post('/api/studio/validate', { yaml: body }, ctl.signal);
      showDiagnostics(v.diagnostics);
      if (!v.ok) { status.textContent = `The text has ${v.diagnostics.length} problem(s); the assessment waits for a text that reads.`; return; }
      status.textContent = 'Assessing…';
      const refs = refBoxes.map(l => l.querySelector('input') as HTMLInputElement).filter(i => i.checked).map(i => i.value);
      const [a, c] = await Promise.all([
        post('/api/studio/assess', { yaml: body, results: false }, ctl.signal),
        refs.length ? post('/api/studio/compare', { yaml: body, references: refs }, ctl.signal) : Promise.resolve(null),
      ]);
      showAssessment(a);
      showComparison(c);
      status.textContent = `Assessed ${a.agreement} (${new Date().toLocaleTimeString()}).`;
    } catch (e: any) {
      if (e?.name === 'AbortError') return;
      status.textContent = e.message;
    }
  }

  function showDiagnostics(ds: any[]) {
    const doc = view.state.doc;
    const marks: Diagnostic[] = ds.map(d => {
      const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
      const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
      const word = /^[^\s:,\]]*/.exec(doc.sliceString(from, line.to))![0];
      return { from, to: from + Math.max(word.length, from < line.to ? 1 : 0), severity: d.severity === 'warning' ? 'warning' : 'error', message: `${d.code}: ${d.message}` };
    });
    view.dispatch(setDiagnostics(view.state, marks));
    diagnostics.replaceChildren(...(ds.length ? ds.map(d => h('li', { class: d.severity, 'data-line': d.line, 'data-column': d.column },
      h('button', { type: 'button', class: 'link', onclick: () => goTo(d.line, d.column) }, `line ${d.line}, column ${d.column}`), `: ${d.code}: ${d.message}`))
      : [h('li', { class: 'ok' }, 'No problems.')]));
  }

  function goTo(lineNo: number, column: number) {
    const line = view.state.doc.line(Math.min(lineNo, view.state.doc.lines));
    view.dispatch({ selection: { anchor: Math.min(line.from + column - 1, line.to) }, scrollIntoView: true });
    view.focus();
  }

  function showAssessment(a: any) {
    lastAssessment = a;
    const row = (k: string, v: any, id: string) => [h('dt', {}, k), h('dd', { 'data-testid': id }, String(v))];
    assessment.replaceChildren(h('dl', { class: 'facts' },
      row('Scenarios in the battery', a.scenarios, 'a-scenarios'),
      row('The draft obliges someone in', a.draft_obliges, 'a-obliges'),
      row('Gaps (no one owes more than consultation)', a.gaps, 'a-gaps'),
      row('Undecided (owed only if unstated facts go the right way)', a.undecided, 'a-undecided'),
      row('Adds obligations over those in force in', a.adds, 'a-adds')),
      classTable(a, classFilter));
  }

  function showComparison(c: any) {
    if (!c) { comparison.replaceChildren(h('p', {}, 'Choose a reference to compare with.')); return; }
    comparison.replaceChildren(h('table', { 'data-testid': 'studio-compare-table' },
      h('caption', {}, `Measured against ${c.reference}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Dimension'), c.agreements.map((a: any) => h('th', { scope: 'col' }, a.id === c.draft ? `${a.id} (draft)` : h('a', { href: `/agreements/${a.id}` }, a.id))))),
      h('tbody', {}, c.dimensions.map((d: any) => h('tr', {}, h('th', { scope: 'row', title: d.meaning }, d.dimension),
        d.values.map((v: any, i: number) => h('td', {}, v.text, i > 0 && v.verdict && v.verdict !== 'same' ? h('small', {}, ` — ${v.verdict}`) : null)))))));
  }

  async function startFrom(id: string) {
    if (!id) { setText(TEMPLATE); return; }
    const src = await get(`/api/studio/source/${encodeURIComponent(id)}`).catch((e: any) => { status.textContent = e.message; return null; });
    if (src) { setText(src.yaml); draftId.value = `${id}-draft`.slice(0, 80); }
  }

  async function save() {
    try {
      localStorage.setItem('pacta-author', author.value);
      const v = await send('PUT', `/api/drafts/${encodeURIComponent(draftId.value)}`, { yaml: text(), author: author.value, note: note.value });
      const url = `/studio/${v.id}@${v.version}`;
      history.replaceState(null, '', url);
      note.value = '';
      // The list first, then the announcement: when "Saved" is read out (aria-live), the list already holds the version.
      await loadVersions();
      saved.replaceChildren(`Saved version ${v.version}. Share: `, h('a', { href: url, 'data-testid': 'share-link' }, location.origin + url));
    } catch (e: any) { saved.textContent = e.message; }
  }

  /** The saved versions of the draft; a draft never saved has none to ask for (the server would answer 404). */
  async function loadVersions(saved = true) {
    const vs: any[] = saved ? await get(`/api/drafts/${encodeURIComponent(draftId.value)}/versions`).catch(() => []) : [];
    versions.replaceChildren(...vs.map(v => h('li', { value: v.version, 'data-version': v.version },
      h('span', {}, `Version ${v.version}`), ` — ${v.author || 'anonymous'}, ${v.saved}${v.note ? ': ' + v.note : ''} `,
      h('span', { class: 'version-actions' },
        h('button', { type: 'button', onclick: () => showDiff({ draft: v.id, version: v.version }, `version ${v.version}`), 'aria-label': `Diff the text against version ${v.version}` }, 'Diff'),
        h('button', { type: 'button', onclick: () => open(v.version), 'aria-label': `Open version ${v.version}` }, 'Open'),
        h('button', { type: 'button', onclick: () => restore(v.version), 'aria-label': `Restore version ${v.version}` }, 'Restore')))));
    if (vs.length === 0) versions.replaceChildren(h('li', {}, 'Not saved yet.'));
  }

  async function open(version: number) {
    const v = await get(`/api/drafts/${encodeURIComponent(draftId.value)}/versions/${version}`);
    setText(v.yaml);
    history.replaceState(null, '', `/studio/${v.id}@${v.version}`);
  }

  async function restore(version: number) {
    try {
      const v = await send('POST', `/api/drafts/${encodeURIComponent(draftId.value)}/versions/${version}/restore`, { author: author.value });
      setText(v.yaml);
      history.replaceState(null, '', `/studio/${v.id}@${v.version}`);
      await loadVersions();
      saved.textContent = `Restored version ${version} as version ${v.version}.`;
    } catch (e: any) { saved.textContent = e.message; }
  }

  async function showDiff(against: any, label: string) {
    diff.replaceChildren(h('p', {}, `Comparing with ${label}…`));
    try {
      const d = await post('/api/studio/diff', { yaml: text(), against });
      diff.replaceChildren(
        h('p', {}, `${d.a.file} → the text: ${d.changes.length} change(s) in the model.`),
        h('ul', { class: 'changes' }, d.changes.map((c: any) => h('li', {}, c.text))),
        h('p', { 'data-testid': 'diff-outcome' }, `Outcome ${d.outcome.text}.`),
        // Per combination of readings of the contested clauses, each named by its agreement, provision and reading.
        ...(d.by_reading.length > 1 ? [h('ul', { class: 'changes', 'data-testid': 'diff-by-reading' }, d.by_reading.map((r: any) =>
          h('li', {}, `${r.label}: ${r.same ? `the same outcome in all ${r.scenarios} scenarios` : r.text}`)))] : []));
    } catch (e: any) { diff.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message)); }
  }

  function exportYaml() {
    const a = h('a', { href: URL.createObjectURL(new Blob([text()], { type: 'application/yaml' })), download: `${draftId.value || 'draft'}.yaml` }) as HTMLAnchorElement;
    document.body.append(a);
    a.click();
    a.remove();
  }

  let opened = false;
  if (draftFromUrl) {
    const v = versionFromUrl
      ? await get(`/api/drafts/${encodeURIComponent(draftFromUrl)}/versions/${encodeURIComponent(versionFromUrl)}`).catch((e: any) => { status.textContent = e.message; return null; })
      : await get(`/api/drafts/${encodeURIComponent(draftFromUrl)}`).catch((e: any) => { status.textContent = e.message; return null; });
    if (v) { setText(v.yaml); opened = true; }
  }
  // Only a draft that was opened has versions: /studio alone starts a new one (no request, no 404 in the console).
  await loadVersions(opened);
  schedule();
}

/** POST a JSON body (with the write token when set, as send() does) and read the answer, abortable. */
/** An ISO 8601 period in words (PT24H → 24 hours, P3D → 3 days), the period itself when it is not a plain one. */
export function period(iso: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || m.slice(1).every(x => x === undefined)) return iso;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  return m.slice(1).map((x, i) => x === undefined ? '' : `${x} ${units[i]}${x === '1' ? '' : 's'}`).filter(Boolean).join(' ');
}

/** One of the draft's obligations in a class, in words: "USA: consultative (political), within 24 hours (PT24H), 14/14". */
function dutyText(d: any, n: number): string {
  const by = d.deadline ? `, within ${period(d.deadline)} (${d.deadline})` : ', no deadline';
  return `${d.obligor}: ${d.strength} (${d.bindingness})${by}${d.undecided ? ', undecided' : ''} — in ${d.scenarios}/${n}`;
}

/**
 * The assessment per scenario class (the JSON's classes, the rows of pacta assess's table): one block per target and
 * attacker, a row per ceasefire, kind, attributes and readings (by key, with the legend above); a class with gaps is
 * marked, and the draft's obligations are given with strength, bindingness and deadline in words.
 */
function classTable(a: any, filter: HTMLSelectElement): HTMLElement {
  const classes: any[] = a.classes ?? [];
  const shown = classes.filter(c => filter.value === 'gaps' ? c.gaps > 0 : filter.value === 'draft' ? c.draft_obliges > 0 : true);
  const groups = new Map<string, any[]>();
  for (const c of shown) {
    const k = `${c.target}←${c.attacker}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(c);
  }
  const gapClasses = classes.filter(c => c.gaps > 0).length;
  return h('section', { class: 'class-summary', 'aria-labelledby': 'studio-classes' },
    h('h3', { id: 'studio-classes' }, 'Per scenario class'),
    h('p', { 'data-testid': 'class-count' }, `${classes.length} classes (places and days together); ${gapClasses} with gaps; the draft obliges someone in ${classes.filter(c => c.draft_obliges > 0).length}.`),
    h('h4', {}, 'Readings'),
    h('dl', { class: 'reading-legend', 'data-testid': 'reading-legend' },
      (a.reading_labels ?? []).map((r: any) => [h('dt', {}, r.key), h('dd', {}, r.label)])),
    field('Show', filter),
    // A scroll box of its own, so a battery of hundreds of classes does not push the comparison off the page.
    h('div', { class: 'scroll class-scroll', tabindex: 0, role: 'region', 'aria-label': 'Assessment per scenario class' },
      h('table', { class: 'classes', 'data-testid': 'class-table' },
        h('caption', {}, 'Gaps: scenarios in which no one owes the target more than consultation. Adds: +X a new obligor; X stronger; X defense (a promise to defend where only assistance or consultation was owed); X sooner.'),
        h('thead', {}, h('tr', {}, ['Event', 'Readings', 'The draft obliges', 'Gaps', 'Adds'].map(t => h('th', { scope: 'col' }, t)))),
        [...groups].map(([k, cs]) => h('tbody', {},
          h('tr', { class: 'class-group' }, h('th', { scope: 'rowgroup', colspan: 5 }, `${k} (${cs[0].attacker_why})`)),
          cs.map(c => h('tr', {
            class: c.gaps === 0 ? 'no-gap' : c.gaps === c.scenarios ? 'gap' : 'gap some',
            'data-class': `${c.target}|${c.attacker}|${c.ceasefire}|${c.kind}|${c.attributes}|${c.reading_key}`,
          },
            // Kind, ceasefire and attribute case in one cell: three narrow columns left the duties no room.
            h('td', {}, `${c.kind}, ${c.ceasefire ? 'after a ceasefire' : 'no ceasefire'}${c.attributes === 'none' ? '' : `, attributes ${c.attributes}`}`),
            h('td', { title: (a.reading_labels ?? []).find((r: any) => r.key === c.reading_key)?.label ?? c.readings }, c.reading_key),
            h('td', { 'data-testid': 'class-draft' }, c.draft.length ? h('ul', { class: 'duties' }, c.draft.map((d: any) => h('li', {}, dutyText(d, c.scenarios)))) : 'nothing'),
            h('td', { 'data-testid': 'class-gaps' }, c.gaps > 0 ? h('span', { class: 'badge gap' }, `gap ${c.gaps}/${c.scenarios}`) : `0/${c.scenarios}`),
            h('td', {}, c.adds_text)))))),
      shown.length ? null : h('p', {}, 'No class to show.')));
}

async function post(path: string, body: any, signal?: AbortSignal): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const r = await fetch(path, { method: 'POST', headers, referrerPolicy: 'same-origin', body: JSON.stringify(body), signal });
  const data = await r.json().catch(() => null);
  if (!r.ok) throw new Error(data?.detail ?? `${r.status} ${r.statusText}`);
  return data;
}
