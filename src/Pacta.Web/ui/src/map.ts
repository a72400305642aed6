import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';
import world from 'world-atlas/countries-50m.json';
import { s, h } from './dom';

// The world map: Natural Earth 1:50m countries shipped inside the world-atlas package, drawn as SVG (no WebGL).
// Features carry ISO 3166-1 numeric ids; i18n-iso-countries turns them into alpha-2/alpha-3 codes.
const fc: any = feature(world as any, (world as any).objects.countries);
const byName: Record<string, string> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };
for (const f of fc.features) {
  const iso2 = f.id ? countries.numericToAlpha2(f.id) : byName[f.properties.name];
  f.properties.iso2 = iso2 ?? null;
  f.properties.iso3 = iso2 ? countries.alpha2ToAlpha3(iso2) ?? null : null;
}

export const strengthColours: Record<string, string> = {
  automatic: '#b2182b',
  discretionary: '#ef8a62',
  consultative: '#f7c59f',
};

export interface MapColours {
  attacker?: string;      // iso3
  target?: string;        // iso3
  location?: string;      // iso2 of the place attacked
  obligors: Record<string, string>; // iso3 → strongest strength
}

export function worldMap(colours: MapColours, onPick: (iso2: string, name: string) => void): HTMLElement {
  const width = 960, height = 500;
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' } as any);
  const path = geoPath(projection);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'map', role: 'img', 'aria-label': 'World map: obligors coloured by strength; click a country to set the location', 'data-testid': 'map' });
  svg.append(s('path', { d: path({ type: 'Sphere' } as any), class: 'sphere' }));
  for (const f of fc.features) {
    const { iso2, iso3, name } = f.properties;
    let fill = '', role = '';
    if (iso3 && iso3 === colours.attacker) { fill = '#333'; role = 'attacker'; }
    else if (iso3 && iso3 === colours.target) { fill = '#2166ac'; role = 'target'; }
    else if (iso3 && colours.obligors[iso3]) { fill = strengthColours[colours.obligors[iso3]]; role = colours.obligors[iso3]; }
    const el = s('path', {
      d: path(f), class: 'country' + (iso2 && iso2 === colours.location ? ' picked' : ''),
      style: fill ? `fill:${fill}` : null, 'data-iso2': iso2, 'data-iso3': iso3, 'data-role': role || null,
    }, s('title', {}, `${name}${role ? ' — ' + role : ''}`));
    if (iso2) el.addEventListener('click', () => onPick(iso2, name));
    svg.append(el);
  }
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    h('li', {}, h('i', { style: 'background:#333' }), 'attacker'),
    h('li', {}, h('i', { style: 'background:#2166ac' }), 'target'),
    Object.entries(strengthColours).map(([k, c]) => h('li', {}, h('i', { style: `background:${c}` }), `obligor: ${k}`)));
  return h('figure', { class: 'mapbox' }, svg, legend);
}
