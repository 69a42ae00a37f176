#!/usr/bin/env node
// `npm audit --omit=dev` for ui/, as CI runs it: fails on any advisory in a
// package the app ships, but not when the audit service cannot be reached
// (npm exits 1 in both cases, so the exit code alone cannot tell them apart;
// the JSON report can). Usage: node scripts/npm-audit.mjs [extra npm args]
// Exit: 0 clean or unreachable, 1 findings, 2 anything else (a broken audit
// must not pass silently: a missing lock file, output npm never gave before).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Connection-level failures, as npm names them in "request to … failed, reason: …".
const NETWORK_CODES = [
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ESOCKETTIMEDOUT',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EPIPE', 'ECONNABORTED', 'EPROTO',
  'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN',
];

/**
 * Reads what `npm audit --json` printed and its exit code.
 * Returns { kind, lines }: kind is 'clean', 'findings', 'unreachable' or 'error';
 * lines say what happened, for the CI log.
 */
export function classify(exitCode, stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'error', lines: [`npm audit printed no JSON report (exit ${exitCode})`] };
  }
  if (report === null || typeof report !== 'object') {
    return { kind: 'error', lines: [`npm audit printed ${JSON.stringify(report)}, not a report (exit ${exitCode})`] };
  }

  // A report: the advisories service answered.
  if (report.vulnerabilities && typeof report.vulnerabilities === 'object') {
    const found = Object.values(report.vulnerabilities);
    const counts = report.metadata?.vulnerabilities ?? {};
    const deps = report.metadata?.dependencies?.prod;
    if (found.length === 0 && exitCode === 0) {
      return { kind: 'clean', lines: [`no advisories in ${deps ?? '?'} production packages`] };
    }
    if (found.length === 0) {
      return { kind: 'error', lines: [`npm audit exited ${exitCode} with an empty report`] };
    }
    const bySeverity = ['critical', 'high', 'moderate', 'low', 'info']
      .filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${s}`)
      .join(', ');
    const lines = [`${found.length} vulnerable production package(s): ${bySeverity}`];
    for (const v of found) {
      const advisories = (v.via ?? [])
        .map((via) => (typeof via === 'string' ? `through ${via}` : `${via.title} ${via.url} (${via.range})`));
      const fix = v.fixAvailable === false ? 'no fix available'
        : v.fixAvailable === true ? 'fix: npm audit fix'
          : `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}`;
      lines.push(`  ${v.name} [${v.severity}] ${v.range}; ${fix}`);
      for (const a of advisories) lines.push(`    ${a}`);
    }
    return { kind: 'findings', lines };
  }

  // npm's shape when the bulk advisories request failed ("audit endpoint returned
  // an error"): a message, and a statusCode when an HTTP answer came back.
  if (typeof report.message === 'string' && report.error) {
    // The service being down or not offering audits (5xx, 405, 501) is
    // "unreachable"; any other answer (401, 403, 404: a token or a registry
    // set up wrong) is an error, so a misconfiguration cannot silently turn
    // the audit off.
    const status = report.statusCode;
    if (Number.isInteger(status) && (status >= 500 || status === 405)) {
      return {
        kind: 'unreachable',
        lines: [`the audit service gave no report: HTTP ${report.statusCode} for ${report.method ?? 'POST'} ${report.uri ?? '(audit endpoint)'}`],
      };
    }
    const code = NETWORK_CODES.find((c) => report.message.includes(c));
    if (code) {
      return { kind: 'unreachable', lines: [`the audit service cannot be reached (${code}): ${report.message}`] };
    }
  }

  const why = report.error?.code
    ? `${report.error.code}: ${report.error.summary ?? ''}`
    : (report.message ?? JSON.stringify(report).slice(0, 300));
  return { kind: 'error', lines: [`npm audit failed (exit ${exitCode}): ${why}`] };
}

const EXIT = { clean: 0, unreachable: 0, findings: 1, error: 2 };

function main() {
  const ui = join(dirname(fileURLToPath(import.meta.url)), '..', 'ui');
  const args = ['audit', '--omit=dev', '--json', ...process.argv.slice(2)];
  const run = spawnSync('npm', args, { cwd: ui, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    console.error(`npm-audit: cannot run npm: ${run.error.message}`);
    process.exit(2);
  }
  const { kind, lines } = classify(run.status, run.stdout);
  const label = {
    clean: 'ok',
    unreachable: 'SKIPPED (not a failure: the audit service could not be reached, so nothing was checked)',
    findings: 'FAILED: advisories',
    error: 'FAILED: npm audit did not run',
  }[kind];
  console.log(`npm audit --omit=dev (ui/): ${label}`);
  for (const l of lines) console.log(`  ${l}`);
  if (kind === 'error' && run.stderr) process.stderr.write(run.stderr);
  process.exit(EXIT[kind]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
