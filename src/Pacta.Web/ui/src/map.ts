import { geoNaturalEarth1, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';
import world from 'world-atlas/countries-110m.json';
import { s, h } from './dom';

// The world map: Natural Earth countries shipped inside the world-atlas package, drawn as SVG (no WebGL). The first
// view uses 1:110m (38 KB compressed); "More detail" loads 1:50m (230 KB; small states such as Malta or Andorra).
// Features carry ISO 3166-1 numeric ids; i18n-iso-countries turns them into alpha-2/alpha-3 codes.
const byName: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
let features: any[] = [];
export let detailed = false;

/** Swaps in the 1:50m countries (a separate chunk, fetched once). */
export async function loadDetail() {
  if (detailed) return;
  const fifty = await import('world-atlas/countries-50m.json');
  features = featuresOf(fifty.default ?? fifty);
  detailed = true;
}

/**
 * Natural Earth's data (as world-atlas ships it, 1:110m and 1:50m) draws Crimea as part of Russia. Pacta's locations follow
 * the borders the corpus's scopes use (Ukraine within its 1991 borders: UA-43 Crimea, UA-40 Sevastopol), so the
 * peninsula is taken out of Russia's shape and drawn as its own Ukrainian subdivision, marked as occupied.
 * Sevastopol's outline is approximate (its municipal boundary, to a few kilometres): at world scale it is a
 * speck, so the Black Sea inset draws it large enough to click.
 */
const crimeaBox = [32, 44, 37, 46.5];
const inBox = (ring: number[][]) => ring.every(([x, y]) => x >= crimeaBox[0] && x <= crimeaBox[2] && y >= crimeaBox[1] && y <= crimeaBox[3]);
const occupiedNote = 'Ukraine; occupied by Russia since 2014';
// Clockwise (d3-geo's outer-ring order on the sphere): north along the west coast, then east and south.
const sevastopol = {
  type: 'Feature', id: 'UA-40',
  properties: { name: 'Sevastopol', code: 'UA-40', iso2: 'UA', iso3: 'UKR', occupied: occupiedNote },
  geometry: { type: 'Polygon', coordinates: [[[33.37, 44.58], [33.52, 44.62], [33.54, 44.78], [33.53, 44.82], [33.64, 44.83], [33.78, 44.73], [33.88, 44.57], [33.83, 44.40], [33.73, 44.39], [33.63, 44.42], [33.50, 44.49], [33.37, 44.58]]] },
};

function featuresOf(topology: any): any[] {
  const fc: any = feature(topology, topology.objects.countries);
  for (const f of fc.features) {
    const iso2 = f.id ? countries.numericToAlpha2(f.id) : byName[f.properties.name];
    f.properties.iso2 = iso2 ?? null;
    f.properties.iso3 = iso2 ? countries.alpha2ToAlpha3(iso2) ?? null : null;
    f.properties.code = iso2 ?? null;
  }
  const russia = fc.features.find((f: any) => f.properties.iso3 === 'RUS');
  const crimeaPolys = russia.geometry.coordinates.filter((p: number[][][]) => inBox(p[0]));
  russia.geometry.coordinates = russia.geometry.coordinates.filter((p: number[][][]) => !inBox(p[0]));
  const crimea = {
    type: 'Feature', id: 'UA-43',
    properties: { name: 'Crimea', code: 'UA-43', iso2: 'UA', iso3: 'UKR', occupied: occupiedNote },
    geometry: { type: 'MultiPolygon', coordinates: crimeaPolys },
  };
  return [...fc.features, crimea, sevastopol];
}

features = featuresOf(world);

/** Hue is the kind of help (Okabe–Ito colours, told apart with the common colour-vision deficiencies). */
export const kindColours: Record<string, string> = {
  defence: '#0072B2',
  support: '#CC79A7',
  consultation: '#E69F00',
  neutrality: '#009E73',
};
/** Strength is lightness: the kind's colour mixed with white, full for the strongest rank, lighter for each weaker one. */
const mixByRank = [1, 0.6, 0.3];
let strengthMix: Record<string, number> = {};
/** The strength ranks, strongest first, as the server's /api/vocabulary gives them (set by useStrengthRanks). */
export let strengths: string[] = [];
export function useStrengthRanks(ranks: string[]) {
  strengths = [...ranks];
  strengthMix = Object.fromEntries(ranks.map((r, i) => [r, mixByRank[Math.min(i, mixByRank.length - 1)]]));
}

export function colourOf(kind: string, strength: string): string {
  const base = kindColours[kind] ?? '#777777';
  const k = strengthMix[strength] ?? mixByRank[mixByRank.length - 1];
  const c = [1, 3, 5].map(i => parseInt(base.slice(i, i + 2), 16)).map(v => Math.round(255 - (255 - v) * k));
  return '#' + c.map(v => v.toString(16).padStart(2, '0')).join('');
}

export const attackerColour = '#1a1a1a';
export const targetColour = '#F0E442';

export interface Obligor { kind: string; strength: string; label: string }
export interface MapColours {
  attacker?: string;      // iso3
  target?: string;        // iso3
  location?: string;      // ISO code of the place attacked (EE, UA-43)
  obligors: Record<string, Obligor>; // iso3 → strongest obligation
}

function patterns() {
  return s('defs', {},
    s('pattern', { id: 'occupied', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 1.6, height: 4, class: 'hatch' })));
}

/** One map: every feature, coloured and clickable; occupied areas hatched on top. */
function drawInto(svg: SVGElement, projection: any, colours: MapColours, onPick: (code: string, name: string) => void, only?: Set<string>) {
  const path = geoPath(projection);
  for (const f of features) {
    const { iso3, code, name, occupied } = f.properties;
    if (only && !only.has(iso3) && !only.has(code)) continue;
    let fill = '', role = '', label = '';
    if (iso3 && iso3 === colours.attacker) { fill = attackerColour; role = 'attacker'; label = 'attacker'; }
    else if (iso3 && iso3 === colours.target) { fill = targetColour; role = 'target'; label = 'target'; }
    else if (iso3 && colours.obligors[iso3]) {
      const o = colours.obligors[iso3];
      fill = colourOf(o.kind, o.strength); role = o.strength; label = o.label;
    }
    const d = path(f);
    if (!d) continue;
    const picked = code && (code === colours.location || (!colours.location?.includes('-') && f.properties.iso2 === colours.location && !code.includes('-')));
    const el = s('path', {
      d, class: 'country' + (picked ? ' picked' : '') + (occupied ? ' occupied-area' : ''),
      style: fill ? `fill:${fill}` : null, 'data-iso2': code, 'data-iso3': iso3, 'data-role': role || null,
      'data-kind': role && colours.obligors[iso3] ? colours.obligors[iso3].kind : null,
    }, s('title', {}, `${name}${code ? ` (${code})` : ''}${occupied ? ' — ' + occupied : ''}${label ? ' — ' + label : ''}`));
    if (code) el.addEventListener('click', () => onPick(code, name));
    svg.append(el);
    if (occupied) svg.append(s('path', { d, class: 'occupied', 'aria-hidden': 'true' }));
  }
}

export function worldMap(colours: MapColours, onPick: (code: string, name: string) => void): HTMLElement {
  const width = 960, height = 500;
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' } as any);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': 'World map: obligors coloured by kind of help (hue) and strength (lightness); click a country to set the location', 'data-testid': 'map' });
  svg.append(patterns(), s('path', { d: geoPath(projection)({ type: 'Sphere' } as any), class: 'sphere' }));
  drawInto(svg, projection, colours, onPick);

  // The Black Sea inset: Crimea and Sevastopol large enough to see and click.
  const ix = 8, iy = 330, iw = 230, ih = 160;
  const inset = s('g', { class: 'inset', 'data-testid': 'inset', transform: `translate(${ix},${iy})` });
  const box = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[29.5, 43.6], [29.5, 47.2], [37.8, 47.2], [37.8, 43.6], [29.5, 43.6]]] } };
  const ip = geoMercator().fitSize([iw, ih], box as any).clipExtent([[0, 0], [iw, ih]]);
  inset.append(s('rect', { width: iw, height: ih, class: 'inset-sea' }));
  drawInto(inset, ip, colours, onPick, new Set(['UKR', 'RUS', 'ROU', 'MDA', 'BGR', 'TUR', 'GEO', 'UA-43', 'UA-40']));
  inset.append(s('rect', { width: iw, height: ih, class: 'inset-frame' }), s('text', { x: 4, y: 12, class: 'inset-label' }, 'Black Sea (enlarged)'));
  svg.append(inset);

  const swatch = (fill: string, cls = '') => h('i', { class: 'sw ' + cls, style: fill ? `background:${fill}` : null });
  const legend = h('div', { class: 'legend', 'data-testid': 'legend' },
    h('table', { class: 'legend-grid' },
      h('caption', {}, 'Strongest obligation of each state: hue = kind, lightness = strength'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'kind'), strengths.map(st => h('th', { scope: 'col' }, st)))),
      h('tbody', {}, Object.keys(kindColours).map(k => h('tr', {}, h('th', { scope: 'row' }, k), strengths.map(st => h('td', {}, swatch(colourOf(k, st)))))))),
    h('ul', { class: 'legend-keys' },
      h('li', {}, swatch(attackerColour), 'attacker'),
      h('li', {}, swatch(targetColour), 'target'),
      h('li', {}, swatch('#d9d9d9'), 'owes nothing'),
      h('li', {}, swatch('', 'sw-occupied'), 'occupied (drawn within the borders Pacta uses)')));
  return h('figure', { class: 'mapbox' }, svg, legend);
}
