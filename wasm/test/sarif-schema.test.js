// The SARIF 2.1.0 harness (wasm/test/sarif-schema.mjs) that the
// `lint --format sarif` tests will use. These tests prove it can fail: a
// minimal valid log passes, and each kind of broken log fails with an
// error that points at the break.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { GITHUB_LIMITS, SARIF_SCHEMA_PATH, validateSarif } from './sarif-schema.mjs';

/** A minimal log that satisfies both the schema and GitHub code scanning. */
function minimalLog() {
  return {
    $schema: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-builder',
            version: '0.1.0',
            informationUri: 'https://example.com/mcp-builder',
            rules: [
              {
                id: 'name-format',
                shortDescription: { text: 'Server name must be reverse-DNS.' },
                fullDescription: { text: 'The name must look like io.github.owner/name.' },
                help: { text: 'Rename the server to reverse-DNS form.' },
                defaultConfiguration: { level: 'error' },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'name-format',
            ruleIndex: 0,
            level: 'error',
            message: { text: 'Name "Bad Name" is not reverse-DNS.' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'server.json' },
                  region: { startLine: 3, startColumn: 11, endColumn: 21 },
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

const result0 = '/runs/0/results/0';
const region0 = `${result0}/locations/0/physicalLocation/region`;

/** A copy of the minimal log changed by edit(log). */
function broken(edit) {
  const log = minimalLog();
  edit(log);
  return log;
}

/** Asserts that `report` is invalid and has an error equal to `want` in every field `want` names. */
function assertError(report, want) {
  assert.equal(report.valid, false, 'expected the log to be invalid');
  const hit = report.errors.find((e) => Object.entries(want).every(([k, v]) => isDeepStrictEqual(e[k], v)));
  assert.ok(hit, `no error matching ${JSON.stringify(want)} in\n${JSON.stringify(report.errors, null, 2)}`);
}

const findError = (report, pred) => report.errors.find(pred);

test('the checked-in schema is the one SOURCE.md describes', () => {
  const bytes = readFileSync(SARIF_SCHEMA_PATH);
  const source = readFileSync(join(dirname(SARIF_SCHEMA_PATH), 'SOURCE.md'), 'utf8');
  const want = source.match(/SHA-256 \| `([0-9a-f]{64})`/)[1];
  assert.equal(createHash('sha256').update(bytes).digest('hex'), want);
  const schema = JSON.parse(bytes.toString('utf8'));
  assert.equal(schema.$id, 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
  assert.deepEqual(schema.properties.version.enum, ['2.1.0']);
});

test('a minimal valid SARIF log passes with no errors and no warnings', () => {
  const log = minimalLog();
  const before = JSON.stringify(log);
  const report = validateSarif(log);
  assert.deepEqual(report, { valid: true, errors: [], warnings: [] });
  assert.equal(JSON.stringify(log), before, 'validateSarif must not modify its input');
  // And again: the compiled schema is reused, not rebuilt.
  assert.deepEqual(validateSarif(minimalLog()), report);
});

test('an empty run (no results) is valid', () => {
  const log = broken((l) => { l.runs[0].results = []; });
  assert.deepEqual(validateSarif(log), { valid: true, errors: [], warnings: [] });
});

test('a log without version fails', () => {
  const report = validateSarif(broken((l) => { delete l.version; }));
  assertError(report, { source: 'schema', pointer: '', keyword: 'required', params: { missingProperty: 'version' } });
});

test('a log with a wrong version fails', () => {
  for (const version of ['2.0.0', '2.1', 2.1]) {
    const report = validateSarif(broken((l) => { l.version = version; }));
    assertError(report, { source: 'schema', pointer: '/version', keyword: 'enum' });
  }
});

test('a result without a message fails, in the schema and for GitHub', () => {
  const report = validateSarif(broken((l) => { delete l.runs[0].results[0].message; }));
  assertError(report, { source: 'schema', pointer: result0, keyword: 'required', params: { missingProperty: 'message' } });
  assertError(report, { source: 'github', pointer: `${result0}/message/text` });
});

test('a message with only an id passes the schema but fails GitHub, which needs message.text', () => {
  const report = validateSarif(broken((l) => { l.runs[0].results[0].message = { id: 'default' }; }));
  assert.equal(findError(report, (e) => e.source === 'schema'), undefined);
  assertError(report, { source: 'github', pointer: `${result0}/message/text` });
  // An empty string is no message either.
  const empty = validateSarif(broken((l) => { l.runs[0].results[0].message.text = ' '; }));
  assertError(empty, { source: 'github', pointer: `${result0}/message/text` });
});

test('a region with startLine 0 fails', () => {
  const report = validateSarif(broken((l) => {
    l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  }));
  assertError(report, { source: 'schema', pointer: `${region0}/startLine`, keyword: 'minimum', params: { comparison: '>=', limit: 1 } });
  assertError(report, { source: 'github', pointer: `${region0}/startLine` });
});

test('an invalid level value fails', () => {
  for (const level of ['critical', 'Error', 'info', '']) {
    const report = validateSarif(broken((l) => { l.runs[0].results[0].level = level; }));
    assertError(report, { source: 'schema', pointer: `${result0}/level`, keyword: 'enum' });
    const { allowedValues } = findError(report, (e) => e.keyword === 'enum').params;
    assert.deepEqual(allowedValues, ['none', 'note', 'warning', 'error']);
  }
  const rule = validateSarif(broken((l) => { l.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'fatal'; }));
  assertError(rule, { source: 'schema', pointer: '/runs/0/tool/driver/rules/0/defaultConfiguration/level', keyword: 'enum' });
});

test('the schema still rejects what it always did: unknown properties, bad formats, missing driver', () => {
  assertError(validateSarif(broken((l) => { l.runs[0].results[0].severity = 'high'; })),
    { source: 'schema', pointer: result0, keyword: 'additionalProperties', params: { additionalProperty: 'severity' } });
  assertError(validateSarif(broken((l) => { l.runs[0].tool.driver.informationUri = 'not a uri'; })),
    { source: 'schema', pointer: '/runs/0/tool/driver/informationUri', keyword: 'format' });
  assertError(validateSarif(broken((l) => { delete l.runs[0].tool.driver; })),
    { source: 'schema', pointer: '/runs/0/tool', keyword: 'required', params: { missingProperty: 'driver' } });
  assertError(validateSarif(null), { source: 'schema', pointer: '', keyword: 'type' });
  assertError(validateSarif('{"version":"2.1.0","runs":[]}'), { source: 'schema', pointer: '', keyword: 'type' });
});

test('the two in-memory schema fixes work: region needs a start, language is case-insensitive', () => {
  // region.anyOf, moved out of "properties": an empty region is no region.
  const empty = validateSarif(broken((l) => { l.runs[0].results[0].locations[0].physicalLocation.region = {}; }));
  assertError(empty, { source: 'schema', pointer: region0, keyword: 'anyOf' });
  const byOffset = broken((l) => { l.runs[0].results[0].locations[0].physicalLocation.region = { charOffset: 4 }; });
  assert.equal(findError(validateSarif(byOffset), (e) => e.source === 'schema'), undefined);
  // "^(?i)[a-zA]{2}(-[a-z]{2})?$" compiled with the i flag.
  for (const language of ['en', 'en-US', 'EN-us', 'de-DE']) {
    const ok = validateSarif(broken((l) => { l.runs[0].language = language; }));
    assert.deepEqual(ok.errors, [], language);
  }
  for (const language of ['english', 'en_US', 'e1']) {
    assertError(validateSarif(broken((l) => { l.runs[0].language = language; })),
      { source: 'schema', pointer: '/runs/0/language', keyword: 'pattern' });
  }
});

test('GitHub: tool.driver.name must be a non-empty string', () => {
  const report = validateSarif(broken((l) => { l.runs[0].tool.driver.name = ''; }));
  assert.equal(findError(report, (e) => e.source === 'schema'), undefined, 'the schema allows an empty name');
  assertError(report, { source: 'github', pointer: '/runs/0/tool/driver/name' });
});

test('GitHub: the first location needs artifactLocation.uri and region.startLine', () => {
  const cases = [
    [(r) => { r.locations = []; }, `${result0}/locations`],
    [(r) => { delete r.locations; }, `${result0}/locations`],
    [(r) => { r.locations[0] = { message: { text: 'logical only' } }; }, `${result0}/locations/0/physicalLocation`],
    [(r) => { delete r.locations[0].physicalLocation.artifactLocation; }, `${result0}/locations/0/physicalLocation/artifactLocation/uri`],
    [(r) => { delete r.locations[0].physicalLocation.artifactLocation.uri; }, `${result0}/locations/0/physicalLocation/artifactLocation/uri`],
    [(r) => { r.locations[0].physicalLocation.region = { charOffset: 10 }; }, `${region0}/startLine`],
    [(r) => { delete r.locations[0].physicalLocation.region; }, `${region0}/startLine`],
  ];
  for (const [edit, pointer] of cases) {
    const report = validateSarif(broken((l) => edit(l.runs[0].results[0])));
    assertError(report, { source: 'github', pointer });
  }
});

test('GitHub: URIs must be relative to the repository root', () => {
  const uri = `${result0}/locations/0/physicalLocation/artifactLocation/uri`;
  for (const bad of ['file:///home/me/repo/server.json', 'https://github.com/o/r/blob/main/server.json', '/home/me/repo/server.json', '../server.json', 'a/../../server.json']) {
    const report = validateSarif(broken((l) => { l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = bad; }));
    assertError(report, { source: 'github', pointer: uri });
  }
  for (const good of ['server.json', 'servers/a%20b/server.json', '.vscode/mcp.json']) {
    const report = validateSarif(broken((l) => { l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = good; }));
    assert.deepEqual(report.errors, [], good);
  }
});

test('GitHub: security-severity must be a number string from 0.0 to 10.0', () => {
  const props = (p) => broken((l) => { l.runs[0].tool.driver.rules[0].properties = p; });
  const pointer = '/runs/0/tool/driver/rules/0/properties/security-severity';
  for (const bad of [9.8, 'high', '10.5', '-1', '', '1e1']) {
    assertError(validateSarif(props({ 'security-severity': bad })), { source: 'github', pointer });
  }
  for (const good of ['9.8', '10.0', '0.1', '5']) {
    assert.deepEqual(validateSarif(props({ tags: ['security'], 'security-severity': good })).errors, [], good);
  }
  const zero = validateSarif(props({ 'security-severity': '0.0' }));
  assert.equal(zero.valid, true);
  assert.ok(zero.warnings.some((w) => w.pointer === pointer));
  const untagged = validateSarif(props({ tags: ['security'] }));
  assert.equal(untagged.valid, true);
  assert.ok(untagged.warnings.some((w) => w.pointer === '/runs/0/tool/driver/rules/0/properties'));
});

test('GitHub: rule metadata it shows is warned about, not rejected', () => {
  const report = validateSarif(broken((l) => {
    const rule = l.runs[0].tool.driver.rules[0];
    delete rule.shortDescription;
    delete rule.fullDescription;
    delete rule.help;
  }));
  assert.equal(report.valid, true);
  assert.deepEqual(report.warnings.map((w) => w.pointer).sort(), [
    '/runs/0/tool/driver/rules/0/fullDescription/text',
    '/runs/0/tool/driver/rules/0/help/text',
    '/runs/0/tool/driver/rules/0/shortDescription/text',
  ]);
  const noRuleId = validateSarif(broken((l) => { delete l.runs[0].results[0].ruleId; delete l.runs[0].results[0].ruleIndex; }));
  assert.equal(noRuleId.valid, true, 'GitHub lists ruleId as optional');
  assert.ok(noRuleId.warnings.some((w) => w.pointer === `${result0}/ruleId`));
  const noFingerprints = validateSarif(minimalLog());
  assert.equal(noFingerprints.valid, true, 'partialFingerprints is optional');
});

test('GitHub and SARIF: ruleId, rule.id and ruleIndex must agree', () => {
  assertError(validateSarif(broken((l) => { l.runs[0].results[0].rule = { id: 'other' }; })),
    { source: 'github', pointer: `${result0}/rule/id` });
  assertError(validateSarif(broken((l) => { l.runs[0].results[0].ruleIndex = 3; })),
    { source: 'github', pointer: `${result0}/ruleIndex` });
  const both = broken((l) => { l.runs[0].results[0].rule = { id: 'name-format', index: 0 }; });
  assert.deepEqual(validateSarif(both).errors, []);
});

test('GitHub: upload limits reject oversized files', () => {
  const tooManyRuns = broken((l) => {
    l.runs = Array.from({ length: GITHUB_LIMITS.runsPerFile + 1 }, () => structuredClone(l.runs[0]));
  });
  assertError(validateSarif(tooManyRuns), { source: 'github', pointer: '/runs' });
  const twentyRuns = broken((l) => {
    l.runs = Array.from({ length: GITHUB_LIMITS.runsPerFile }, () => structuredClone(l.runs[0]));
  });
  assert.deepEqual(validateSarif(twentyRuns).errors, []);
  const tooManyTags = broken((l) => {
    l.runs[0].tool.driver.rules[0].properties = { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) };
  });
  assertError(validateSarif(tooManyTags), { source: 'github', pointer: '/runs/0/tool/driver/rules/0/properties/tags' });
});
