// SARIF 2.1.0 validation harness for `mcp-builder lint --format sarif`.
// (A helper module, not a test file: the runner only picks up *.test.js.)
//
//   validateSarif(log) -> { valid, errors, warnings }
//
// `log` is a parsed SARIF object. `valid` is true when `errors` is empty.
// Each entry of `errors` / `warnings` is
//   { source: 'schema' | 'github', pointer, message, keyword?, params? }
// where `pointer` is a JSON Pointer into `log` ('' for the root), and
// `keyword` / `params` are ajv's for schema errors.
//
// Two layers:
//  1. 'schema': the official OASIS SARIF 2.1.0 JSON schema, checked in byte
//     for byte at tests/data/sarif/sarif-schema-2.1.0.json (see SOURCE.md
//     there), compiled once with the repository's ajv.
//  2. 'github': GitHub code-scanning upload requirements that the schema
//     does not encode. Source: GitHub Docs, "SARIF support for code scanning"
//     https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support
//     (the "Supported properties" tables and the upload limits under "File
//     compatibility"). Errors are things GitHub rejects, or needs in order to
//     show an alert; warnings are properties GitHub lists but will accept a
//     file without.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SARIF_SCHEMA_PATH = fileURLToPath(
  new URL('../../tests/data/sarif/sarif-schema-2.1.0.json', import.meta.url));

// GitHub's upload limits ("File compatibility"): a file over any of these is
// rejected outright.
export const GITHUB_LIMITS = Object.freeze({
  runsPerFile: 20,
  resultsPerRun: 25000,
  rulesPerRun: 25000,
  extensionsPerRun: 100,
  threadFlowLocationsPerResult: 10000,
  locationsPerResult: 1000,
  tagsPerRule: 20,
});

// ---------------------------------------------------------------------------
// Layer 1: the schema.
//
// The checked-in file declares "$schema": "https://json-schema.org/draft/2020-12/schema"
// (the OASIS master copy, which github/codeql-action vendors too; only the
// older committee-specification copy said draft-07), so it is compiled with
// ajv's 2020-12 class. Two defects in the published file keep ajv from
// compiling it as is; both are handled here, in memory, never in the file:
//
//  a. definitions.region.properties.anyOf: the "at least one of startLine,
//     charOffset, byteOffset" constraint was written inside "properties",
//     where it declares a property named "anyOf" whose schema is an array
//     (invalid). It is moved up to definitions.region.anyOf, where it was
//     evidently meant to be.
//  b. run.language and toolComponent.language use the pattern
//     "^(?i)[a-zA]{2}(-[a-z]{2})?$": an inline "(?i)" flag, which
//     .NET accepts and JavaScript's RegExp does not. The regExp engine below
//     turns a "(?i)" at the start of a pattern (or right after its "^") into
//     the "i" flag, and compiles every other pattern unchanged.

const LEADING_CASE_FLAG = /^(\^?)\(\?i\)/; // "(?i)" at the start, or just after "^"

function sarifRegExp(pattern, flags) {
  return LEADING_CASE_FLAG.test(pattern)
    ? new RegExp(pattern.replace(LEADING_CASE_FLAG, '$1'), `${flags}i`)
    : new RegExp(pattern, flags);
}
sarifRegExp.code = 'sarifRegExp'; // only used by ajv's standalone code generation

function patchedSchema(schema) {
  const copy = structuredClone(schema);
  const region = copy.definitions.region;
  if (Array.isArray(region.properties.anyOf)) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  return copy;
}

let compiled; // the ajv validate function, built on first use and kept

function schemaValidator() {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { regExp: sarifRegExp } });
  addFormats(ajv);
  compiled = ajv.compile(patchedSchema(schema));
  return compiled;
}

function schemaErrors(log) {
  const validate = schemaValidator();
  if (validate(log)) return [];
  return validate.errors.map((e) => ({
    source: 'schema',
    pointer: e.instancePath,
    message: e.message,
    keyword: e.keyword,
    params: e.params,
  }));
}

// ---------------------------------------------------------------------------
// Layer 2: GitHub code scanning.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const arrayOf = (v) => (Array.isArray(v) ? v : []);
// "You must supply an explicit value for any property marked as 'required'.
// The empty string is not supported for required properties."
const nonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';

const SECURITY_SEVERITY = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const PRECISIONS = ['very-high', 'high', 'medium', 'low'];
const PROBLEM_SEVERITIES = ['error', 'warning', 'recommendation'];

function githubFindings(log) {
  const errors = [];
  const warnings = [];
  const err = (pointer, message) => errors.push({ source: 'github', pointer, message });
  const warn = (pointer, message) => warnings.push({ source: 'github', pointer, message });

  if (!isObject(log)) return { errors, warnings }; // the schema layer reports this
  if (!nonEmptyString(log.$schema)) {
    warn('/$schema', 'GitHub lists $schema as required: the URI of the SARIF 2.1.0 schema');
  }
  const runs = arrayOf(log.runs);
  if (Array.isArray(log.runs) && runs.length === 0) {
    warn('/runs', 'GitHub expects one or more runs');
  }
  if (runs.length > GITHUB_LIMITS.runsPerFile) {
    err('/runs', `${runs.length} runs; GitHub rejects more than ${GITHUB_LIMITS.runsPerFile} per file`);
  }

  runs.forEach((run, r) => {
    const rp = `/runs/${r}`;
    if (!isObject(run)) return;
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : null;
    if (!driver || !nonEmptyString(driver.name)) {
      err(`${rp}/tool/driver/name`, 'GitHub requires a non-empty tool.driver.name');
    }
    const extensions = isObject(run.tool) ? arrayOf(run.tool.extensions) : [];
    if (extensions.length > GITHUB_LIMITS.extensionsPerRun) {
      err(`${rp}/tool/extensions`, `${extensions.length} tool extensions; GitHub rejects more than ${GITHUB_LIMITS.extensionsPerRun} per run`);
    }

    // Rules: of the driver and of every extension.
    const components = [[`${rp}/tool/driver`, driver], ...extensions.map((x, i) => [`${rp}/tool/extensions/${i}`, x])];
    const ruleIds = new Set();
    let ruleCount = 0;
    for (const [cp, component] of components) {
      if (!isObject(component)) continue;
      arrayOf(component.rules).forEach((rule, k) => {
        ruleCount += 1;
        checkRule(`${cp}/rules/${k}`, rule, ruleIds, err, warn);
      });
    }
    if (ruleCount > GITHUB_LIMITS.rulesPerRun) {
      err(`${rp}/tool/driver/rules`, `${ruleCount} rules; GitHub rejects more than ${GITHUB_LIMITS.rulesPerRun} per run`);
    }
    const driverRules = driver ? arrayOf(driver.rules) : [];

    if (!Array.isArray(run.results)) {
      err(`${rp}/results`, 'GitHub requires results[] in every run (an empty array when nothing was found)');
      return;
    }
    if (run.results.length > GITHUB_LIMITS.resultsPerRun) {
      err(`${rp}/results`, `${run.results.length} results; GitHub rejects more than ${GITHUB_LIMITS.resultsPerRun} per run`);
    }
    if (run.results.length > 0 && driverRules.length === 0) {
      warn(`${rp}/tool/driver/rules`, 'GitHub lists tool.driver.rules[] as required: results without rule metadata show no description or help');
    }
    run.results.forEach((result, i) => checkResult(`${rp}/results/${i}`, result, ruleIds, driverRules, err, warn));
  });
  return { errors, warnings };
}

function checkRule(pointer, rule, ruleIds, err, warn) {
  if (!isObject(rule)) return;
  if (!nonEmptyString(rule.id)) {
    err(`${pointer}/id`, 'GitHub requires a non-empty rule id');
  } else {
    ruleIds.add(rule.id);
  }
  if (typeof rule.name === 'string' && rule.name.length > 255) {
    warn(`${pointer}/name`, 'GitHub limits a rule name to 255 characters');
  }
  for (const key of ['shortDescription', 'fullDescription', 'help']) {
    const text = isObject(rule[key]) ? rule[key].text : undefined;
    if (!nonEmptyString(text)) {
      warn(`${pointer}/${key}/text`, `GitHub lists ${key}.text as required: it is shown next to the rule's alerts`);
    } else if (key !== 'help' && text.length > 1024) {
      warn(`${pointer}/${key}/text`, `GitHub limits ${key}.text to 1024 characters`);
    }
  }
  const props = isObject(rule.properties) ? rule.properties : {};
  const tags = arrayOf(props.tags);
  if (tags.length > GITHUB_LIMITS.tagsPerRule) {
    err(`${pointer}/properties/tags`, `${tags.length} tags; GitHub rejects more than ${GITHUB_LIMITS.tagsPerRule} per rule`);
  }
  if ('security-severity' in props) {
    // "A string representing a score ... greater than 0.0 up to 10.0. A value
    // of 0.0 or any other value outside the given range is regarded as having
    // no security severity."
    const s = props['security-severity'];
    const n = typeof s === 'string' && SECURITY_SEVERITY.test(s) ? Number(s) : NaN;
    if (!(n >= 0 && n <= 10)) {
      err(`${pointer}/properties/security-severity`, `security-severity must be a string holding a number from 0.0 to 10.0, got ${JSON.stringify(s)}`);
    } else if (n === 0) {
      warn(`${pointer}/properties/security-severity`, 'security-severity "0.0" is treated by GitHub as no security severity');
    }
  } else if (tags.includes('security')) {
    warn(`${pointer}/properties`, 'a rule tagged "security" should carry properties.security-severity');
  }
  if ('precision' in props && !PRECISIONS.includes(props.precision)) {
    warn(`${pointer}/properties/precision`, `precision should be one of ${PRECISIONS.join(', ')}`);
  }
  if ('problem.severity' in props && !PROBLEM_SEVERITIES.includes(props['problem.severity'])) {
    warn(`${pointer}/properties/problem.severity`, `problem.severity should be one of ${PROBLEM_SEVERITIES.join(', ')}`);
  }
}

function checkResult(pointer, result, ruleIds, driverRules, err, warn) {
  if (!isObject(result)) return;
  // GitHub lists ruleId and rule as optional, but filters and groups alerts by
  // rule, and the SARIF spec (3.27.5, 3.27.7) ties ruleId, rule.id and
  // ruleIndex together.
  const ruleRefId = isObject(result.rule) ? result.rule.id : undefined;
  const ruleId = result.ruleId ?? ruleRefId;
  if (!nonEmptyString(ruleId)) {
    warn(`${pointer}/ruleId`, 'result has neither ruleId nor rule.id: GitHub cannot filter it by rule');
  } else {
    if (result.ruleId !== undefined && ruleRefId !== undefined && result.ruleId !== ruleRefId) {
      err(`${pointer}/rule/id`, `rule.id ${JSON.stringify(ruleRefId)} differs from ruleId ${JSON.stringify(result.ruleId)}`);
    }
    if (ruleIds.size > 0 && !ruleIds.has(ruleId)) {
      warn(`${pointer}/ruleId`, `ruleId ${JSON.stringify(ruleId)} names no rule in tool.driver.rules or tool.extensions[].rules`);
    }
  }
  // ruleIndex indexes the driver's rules unless rule.toolComponent names an extension.
  const inDriver = !(isObject(result.rule) && result.rule.toolComponent !== undefined);
  if (Number.isInteger(result.ruleIndex) && result.ruleIndex >= 0 && inDriver) {
    const indexed = driverRules[result.ruleIndex];
    if (!isObject(indexed)) {
      err(`${pointer}/ruleIndex`, `ruleIndex ${result.ruleIndex} is outside tool.driver.rules (${driverRules.length} rules)`);
    } else if (nonEmptyString(result.ruleId) && indexed.id !== result.ruleId) {
      err(`${pointer}/ruleIndex`, `ruleIndex ${result.ruleIndex} points at rule ${JSON.stringify(indexed.id)}, not ruleId ${JSON.stringify(result.ruleId)}`);
    }
  }

  const message = isObject(result.message) ? result.message : {};
  if (!nonEmptyString(message.text)) {
    err(`${pointer}/message/text`, 'GitHub requires message.text on every result (it is the alert title; a message.id alone is not used)');
  }

  // "At least one location is required for code scanning to display a result
  // ... Only the first value of this array is used."
  const locations = arrayOf(result.locations);
  if (locations.length === 0) {
    err(`${pointer}/locations`, 'GitHub requires at least one location to display a result');
  } else {
    checkLocation(`${pointer}/locations/0`, locations[0], err, warn);
    if (locations.length > GITHUB_LIMITS.locationsPerResult) {
      err(`${pointer}/locations`, `${locations.length} locations; GitHub rejects more than ${GITHUB_LIMITS.locationsPerResult} per result`);
    }
  }

  let threadFlowLocations = 0;
  for (const codeFlow of arrayOf(result.codeFlows)) {
    for (const threadFlow of isObject(codeFlow) ? arrayOf(codeFlow.threadFlows) : []) {
      threadFlowLocations += isObject(threadFlow) ? arrayOf(threadFlow.locations).length : 0;
    }
  }
  if (threadFlowLocations > GITHUB_LIMITS.threadFlowLocationsPerResult) {
    err(`${pointer}/codeFlows`, `${threadFlowLocations} thread flow locations; GitHub rejects more than ${GITHUB_LIMITS.threadFlowLocationsPerResult} per result`);
  }
  // partialFingerprints: optional here. The upload-sarif action computes them
  // when missing; a direct API upload without them still works, but may show
  // duplicate alerts. Only their shape is checked (the schema already
  // requires string values).
}

function checkLocation(pointer, location, err, warn) {
  const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : null;
  if (!physical) {
    err(`${pointer}/physicalLocation`, 'GitHub requires the first location to have a physicalLocation');
    return;
  }
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  if (!nonEmptyString(artifact.uri)) {
    err(`${pointer}/physicalLocation/artifactLocation/uri`, 'GitHub requires a non-empty artifactLocation.uri');
  } else {
    checkUri(`${pointer}/physicalLocation/artifactLocation/uri`, artifact.uri, err);
  }
  const region = isObject(physical.region) ? physical.region : {};
  if (!Number.isInteger(region.startLine) || region.startLine < 1) {
    err(`${pointer}/physicalLocation/region/startLine`, 'GitHub requires region.startLine (an integer, 1 or more)');
  }
  // GitHub also lists startColumn, endLine and endColumn as required, but its
  // own minimal example omits endLine, and SARIF gives all three defaults.
}

// GitHub interprets relative URIs as relative to the repository root
// ("Root location for source files"); `mcp-builder lint` reports files in the
// repository, so it must emit repo-relative paths.
function checkUri(pointer, uri, err) {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) {
    err(pointer, `absolute URI ${JSON.stringify(uri)}: use a path relative to the repository root`);
  } else if (uri.startsWith('/') || uri.includes('\\')) {
    err(pointer, `${JSON.stringify(uri)} is not a repository-relative URI (no leading "/", forward slashes only)`);
  } else if (uri.split('/').some((seg) => seg === '..')) {
    err(pointer, `${JSON.stringify(uri)} climbs out of the repository root with ".."`);
  }
}

// ---------------------------------------------------------------------------

/**
 * Validates a parsed SARIF log against the official SARIF 2.1.0 schema and
 * GitHub code scanning's upload requirements.
 * @param {unknown} log
 * @returns {{ valid: boolean, errors: object[], warnings: object[] }}
 */
export function validateSarif(log) {
  const github = githubFindings(log);
  const errors = [...schemaErrors(log), ...github.errors];
  return { valid: errors.length === 0, errors, warnings: github.warnings };
}
