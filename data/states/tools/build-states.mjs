// Builds data/states/states.csv from the COW State System Membership list v2016
// (data/cow/states2016.csv) and ISO 3166-1 codes from the npm package `iso-3166` (MIT).
// Usage (from a scratch folder where `npm install iso-3166@4.4.0` was run):
//   node /path/to/repo/data/states/tools/build-states.mjs /path/to/repo
// The COW-number -> ISO alpha-2 table below is a hand-made list of facts; alpha-3 codes are
// taken from the package, never typed in.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Packages are resolved from the current folder's node_modules (a scratch folder, not the repo).
const { iso31661 } = await import(pathToFileURL(path.resolve('node_modules/iso-3166/index.js')).href);

const repo = process.argv[2] ?? process.cwd();
const byA2 = new Map(iso31661.map(e => [e.alpha2, e]));

// COW number -> ISO 3166-1 alpha-2 for states that exist today (historic states are absent).
const cowToA2 = {
  2: 'US', 20: 'CA', 31: 'BS', 40: 'CU', 41: 'HT', 42: 'DO', 51: 'JM', 52: 'TT', 53: 'BB', 54: 'DM',
  55: 'GD', 56: 'LC', 57: 'VC', 58: 'AG', 60: 'KN', 70: 'MX', 80: 'BZ', 90: 'GT', 91: 'HN', 92: 'SV',
  93: 'NI', 94: 'CR', 95: 'PA', 100: 'CO', 101: 'VE', 110: 'GY', 115: 'SR', 130: 'EC', 135: 'PE',
  140: 'BR', 145: 'BO', 150: 'PY', 155: 'CL', 160: 'AR', 165: 'UY', 200: 'GB', 205: 'IE', 210: 'NL',
  211: 'BE', 212: 'LU', 220: 'FR', 221: 'MC', 223: 'LI', 225: 'CH', 230: 'ES', 232: 'AD', 235: 'PT',
  255: 'DE', 290: 'PL', 305: 'AT', 310: 'HU', 316: 'CZ', 317: 'SK', 325: 'IT', 331: 'SM', 338: 'MT',
  339: 'AL', 341: 'ME', 343: 'MK', 344: 'HR', 345: 'RS', 346: 'BA', 349: 'SI', 350: 'GR', 352: 'CY',
  355: 'BG', 359: 'MD', 360: 'RO', 365: 'RU', 366: 'EE', 367: 'LV', 368: 'LT', 369: 'UA', 370: 'BY',
  371: 'AM', 372: 'GE', 373: 'AZ', 375: 'FI', 380: 'SE', 385: 'NO', 390: 'DK', 395: 'IS', 402: 'CV',
  403: 'ST', 404: 'GW', 411: 'GQ', 420: 'GM', 432: 'ML', 433: 'SN', 434: 'BJ', 435: 'MR', 436: 'NE',
  437: 'CI', 438: 'GN', 439: 'BF', 450: 'LR', 451: 'SL', 452: 'GH', 461: 'TG', 471: 'CM', 475: 'NG',
  481: 'GA', 482: 'CF', 483: 'TD', 484: 'CG', 490: 'CD', 500: 'UG', 501: 'KE', 510: 'TZ', 516: 'BI',
  517: 'RW', 520: 'SO', 522: 'DJ', 530: 'ET', 531: 'ER', 540: 'AO', 541: 'MZ', 551: 'ZM', 552: 'ZW',
  553: 'MW', 560: 'ZA', 565: 'NA', 570: 'LS', 571: 'BW', 572: 'SZ', 580: 'MG', 581: 'KM', 590: 'MU',
  591: 'SC', 600: 'MA', 615: 'DZ', 616: 'TN', 620: 'LY', 625: 'SD', 626: 'SS', 630: 'IR', 640: 'TR',
  645: 'IQ', 651: 'EG', 652: 'SY', 660: 'LB', 663: 'JO', 666: 'IL', 670: 'SA', 679: 'YE', 690: 'KW',
  692: 'BH', 694: 'QA', 696: 'AE', 698: 'OM', 700: 'AF', 701: 'TM', 702: 'TJ', 703: 'KG', 704: 'UZ',
  705: 'KZ', 710: 'CN', 712: 'MN', 713: 'TW', 731: 'KP', 732: 'KR', 740: 'JP', 750: 'IN', 760: 'BT',
  770: 'PK', 771: 'BD', 775: 'MM', 780: 'LK', 781: 'MV', 790: 'NP', 800: 'TH', 811: 'KH', 812: 'LA',
  816: 'VN', 820: 'MY', 830: 'SG', 835: 'BN', 840: 'PH', 850: 'ID', 860: 'TL', 900: 'AU', 910: 'PG',
  920: 'NZ', 935: 'VU', 940: 'SB', 946: 'KI', 947: 'TV', 950: 'FJ', 955: 'TO', 970: 'NR', 983: 'MH',
  986: 'PW', 987: 'FM', 990: 'WS',
};

// Current short English names where COW's name is dated or abbreviated (COW's name kept otherwise).
const names = {
  2: 'United States', 56: 'Saint Lucia', 57: 'Saint Vincent and the Grenadines', 58: 'Antigua and Barbuda',
  60: 'Saint Kitts and Nevis', 271: 'Wuerttemberg', 280: 'Mecklenburg-Schwerin', 316: 'Czechia',
  343: 'North Macedonia', 345: 'Serbia', 402: 'Cabo Verde', 437: "Côte d'Ivoire", 484: 'Republic of the Congo',
  572: 'Eswatini', 640: 'Türkiye', 730: 'Joseon Korea', 860: 'Timor-Leste', 987: 'Micronesia',
};

const lines = fs.readFileSync(path.join(repo, 'data/cow/states2016.csv'), 'utf8').trim().split(/\r?\n/);
const header = lines.shift().split(',');
const col = n => header.indexOf(n);
const pad = n => String(n).padStart(2, '0');
const out = ['cow,cowc,iso3,iso2,name,from,to'];
const seen = new Set();
for (const line of lines) {
  const f = line.split(',');
  const cow = Number(f[col('ccode')]);
  const a2 = cowToA2[cow];
  if (a2 && !byA2.has(a2)) throw new Error(`iso-3166 has no ${a2} (COW ${cow})`);
  const iso2 = a2 ?? '';
  const iso3 = a2 ? byA2.get(a2).alpha3 : '';
  const name = names[cow] ?? f[col('statenme')];
  const from = `${f[col('styear')]}-${pad(f[col('stmonth')])}-${pad(f[col('stday')])}`;
  let to = `${f[col('endyear')]}-${pad(f[col('endmonth')])}-${pad(f[col('endday')])}`;
  if (to === '2016-12-31') to = ''; // still a member: open spell (see PROVENANCE.md)
  const q = s => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  out.push([cow, f[col('stateabb')], iso3, iso2, q(name), from, to].join(','));
  seen.add(cow);
}
for (const cow of Object.keys(cowToA2)) if (!seen.has(Number(cow))) throw new Error(`unused COW ${cow}`);
fs.writeFileSync(path.join(repo, 'data/states/states.csv'), out.join('\n') + '\n');
console.log(`${out.length - 1} spells, ${seen.size} states`);
