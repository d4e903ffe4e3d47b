#!/usr/bin/env node
// Runs the npm package address-parse on the same inputs as ngodesk's
// resolver and prints both throughputs and both accuracies as JSON.
//
// Usage: node compare-address-parse.mjs --divisions data/divisions.tsv
//          --addresses FILE [--addresses FILE ...] --cases FILE [--cases FILE ...]
//          --ngodesk-json FILE (resolver_throughput --json output for the cases' inputs, in order)
//
// Accuracy counts the cases whose "expected" object names a province,
// prefecture or county (null included): a case is right when every one of
// those three keys it gives agrees. address-parse returns a GB/T 2260 code;
// its province, prefecture and county are read from that code the way
// ngodesk reports them (a municipality is its own prefecture, a county
// directly under a province has none).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const addressParse = require('address-parse');
const AddressParse = addressParse.default ?? addressParse;

function parseArguments(argv) {
  const options = { addresses: [], cases: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (Array.isArray(options[key])) options[key].push(argv[i + 1]);
    else options[key] = argv[i + 1];
  }
  return options;
}

function readDivisions(path) {
  const byCode = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cells = line.split('\t');
    if (!/^\d{6}$/.test(cells[0] ?? '')) continue;
    byCode.set(cells[0], { code: cells[0], level: cells[1], parent: cells[2], name: cells[3] });
  }
  return byCode;
}

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

// The province, prefecture and county names for a code, as ngodesk gives them.
function chainOfCode(divisions, code) {
  const chain = { province: null, prefecture: null, county: null };
  const division = divisions.get(code);
  if (!division) return chain;
  chain.province = divisions.get(`${code.slice(0, 2)}0000`)?.name ?? null;
  if (division.level === 'prefecture') chain.prefecture = division.name;
  if (division.level === 'county') {
    chain.county = division.name;
    const parent = divisions.get(division.parent);
    if (parent?.level === 'prefecture') chain.prefecture = parent.name;
    else if (MUNICIPALITIES.has(division.parent)) chain.prefecture = parent.name;
  }
  return chain;
}

function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

function throughput(addresses) {
  for (const address of addresses) AddressParse.parse(address);  // warm-up
  let parsed = 0;
  const start = process.cpuUsage();
  let seconds = 0;
  while (seconds < 1) {
    for (const address of addresses) AddressParse.parse(address);
    parsed += addresses.length;
    const used = process.cpuUsage(start);
    seconds = (used.user + used.system) / 1e6;
  }
  return Math.round(parsed / seconds);
}

function agrees(chain, expected) {
  return ['province', 'prefecture', 'county'].every((key) => !(key in expected) || (expected[key] ?? null) === chain[key]);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const divisions = readDivisions(options.divisions);
  const cases = options.cases.flatMap((path) => readLines(path).map((line) => JSON.parse(line)));
  const ngodesk = readLines(options.ngodeskJson).map((line) => JSON.parse(line));

  const chainKeys = (test) => ['province', 'prefecture', 'county'].some((key) => key in test.expected);
  let total = 0;
  let peerRight = 0;
  let ngodeskRight = 0;
  const peerMisses = [];
  cases.forEach((test, i) => {
    if (!chainKeys(test) || test.procedure === 'activity') return;
    total += 1;
    const [result] = AddressParse.parse(test.input);
    const peerChain = result?.code ? chainOfCode(divisions, result.code) : { province: null, prefecture: null, county: null };
    if (agrees(peerChain, test.expected)) peerRight += 1;
    else peerMisses.push(test.input);
    const division = ngodesk[i]?.division ?? {};
    const ourChain = {
      province: division.province?.zh ?? null,
      prefecture: division.prefecture?.zh ?? null,
      county: division.county?.zh ?? null,
    };
    if (agrees(ourChain, test.expected)) ngodeskRight += 1;
  });

  const report = {
    address_parse_version: require('address-parse/package.json').version,
    throughput_per_second: Object.fromEntries(options.addresses.map((path) => [path, throughput(readLines(path))])),
    accuracy: {
      cases: total,
      address_parse: peerRight / total,
      ngodesk: ngodeskRight / total,
    },
    address_parse_misses: peerMisses.slice(0, 20),
  };
  console.log(JSON.stringify(report, null, 2));
}

main();
