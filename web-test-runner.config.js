// Widget tests in real Chromium (Debian's; CHROME_PATH overrides). Results also go to
// .test-results/wtr.json as { passed, failed, skipped, failures } for scripts/test-all.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { cssString } from './widgets/build/css-string.js';
import { realApiProxy, stopRealApi } from './widgets/build/api-proxy.js';

const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// With concurrency 2, a test page may sit in a background tab; keep it rendering (IntersectionObserver, rAF, timers).
const NO_BACKGROUND_THROTTLING = ['--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', '--disable-background-timer-throttling'];

/** Counts test results over all sessions, names the failed ones, and writes them where the test-all script reads them. */
function jsonCountReporter(file = '.test-results/wtr.json') {
  const count = (suite, totals, file, path = []) => {
    if (!suite) return totals;
    const here = suite.name ? [...path, suite.name] : path;
    for (const test of suite.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else {
        totals.failed++;
        totals.failures.push(`${file}: ${[...here, test.name].join(' › ')}`);
      }
    }
    for (const child of suite.suites ?? []) count(child, totals, file, here);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, errors: 0, failures: [] };
      for (const s of sessions) {
        const file = String(s.testFile ?? '').replace(process.cwd() + '/', '');
        count(s.testResults, totals, file);
        // A file that fails to load or throws outside a test has no test results: count it as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0) {
          totals.errors += s.errors.length;
          if (!s.testResults?.tests?.length && !s.testResults?.suites?.length) {
            totals.failed++;
            totals.failures.push(`${file}: ${String(s.errors[0]?.message ?? 'did not load').split('\n')[0]}`);
          }
        }
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(totals, null, 2) + '\n');
    },
  };
}

export default {
  files: ['widgets/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // Two test pages at once. A page in the background tab gets no animation frame: tests mount widgets
  // with the kit's mountWidget (fixtureSync), never by awaiting `fixture` of a plain element.
  concurrency: 2,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  // Per test: keyboard commands (sendKeys) and axe take seconds each on a loaded 2-core machine.
  testFramework: { config: { timeout: 20000 } },
  mimeTypes: { '**/*.css': 'js' },
  middleware: [realApiProxy],
  // a11ySnapshot: tests read the browser's accessibility tree (names and descriptions a screen reader announces).
  plugins: [a11ySnapshotPlugin(), stopRealApi(), fromRollup(cssString)(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json', define: { __NGO_VERSION__: '"test"' } })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [...CHROME_ARGS, ...NO_BACKGROUND_THROTTLING],
      },
    }),
  ],
  reporters: [defaultReporter(), jsonCountReporter()],
};
