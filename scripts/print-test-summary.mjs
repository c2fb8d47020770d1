#!/usr/bin/env node
// Prints one closing line over every test runner's JSON report: "N passed, N failed, N skipped".
// A report that is missing (its stage never ran) is named, so a red run says where it stopped.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  { name: 'unit', path: 'test-results/unit-results.json', read: readVitest },
  { name: 'sandbox', path: 'test-results/sandbox-results.json', read: readVitest },
  { name: 'e2e', path: 'test-results/e2e-results.json', read: readPlaywright },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const report of reports) {
  if (!existsSync(report.path)) {
    missing.push(report.name);
    continue;
  }
  const counts = report.read(JSON.parse(readFileSync(report.path, 'utf8')));
  console.log(`${report.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
if (missing.length > 0) console.log(`not run: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);

function readVitest(json) {
  return {
    passed: json.numPassedTests ?? 0,
    failed: (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(json),
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

/** A file that failed to load counts as one failure; a file with failed tests is counted by its tests. */
function countSuitesWithFailedTests(json) {
  return (json.testResults ?? []).filter((suite) =>
    (suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

function readPlaywright(json) {
  const stats = json.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (json.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}
