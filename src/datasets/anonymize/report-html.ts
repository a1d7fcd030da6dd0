// The disclosure-risk report as a page a data protection officer can read: every figure of the
// JSON report, escaped, with no script and no outside resource.
import { esc, row } from '../../reports/html';
import type { SdcReport } from './anonymize';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function reportHtml(r: SdcReport, title: string): string {
  const p = r.parameters;
  const k = [2, 3, 5] as const;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .6em;text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}.fail{color:#a00;font-weight:bold}.pass{color:#060;font-weight:bold}</style>
</head><body>
<h1>${esc(title)}</h1>
<p class="${r.passed ? 'pass' : 'fail'}">${r.passed ? 'Passes every threshold.' : `Refused: ${r.failures.map(esc).join('; ')}`}</p>
<h2>Parameters</h2>
<table>${row(['parameter', 'value'], true)}${row(['quasi-identifiers', p.quasiIdentifiers.join(', ')])}${row(['strata', p.strata.join(', ') || '(none)'])}${row(['sensitive', p.sensitive.join(', ') || '(none)'])}${row(['k', p.k])}${row(['l', p.l])}${row(['max individual risk', pct(p.maxIndividualRisk)])}${row(['max global risk', pct(p.maxGlobalRisk)])}${row(['suppression order (first to last)', p.importance.join(', ')])}</table>
<h2>Records and keys</h2>
<table>${row(['', 'before', 'after'], true)}${row(['records', r.before.records, r.after.records])}${row(['distinct keys', r.before.keys, r.after.keys])}${row(['expected re-identifications', r.before.expectedReidentifications, r.after.expectedReidentifications])}${row(['global risk', pct(r.before.globalRisk), pct(r.after.globalRisk)])}${row(['highest individual risk', pct(r.before.maxIndividualRisk), pct(r.after.maxIndividualRisk)])}${row(['records above the individual threshold', r.before.recordsAboveRiskThreshold, r.after.recordsAboveRiskThreshold])}${row(['fully suppressed records', '', r.fullySuppressedRecords])}</table>
<h2>Violators of k-anonymity</h2>
<p>Strict: a suppressed cell is a category of its own (what anyone reading the file sees). Wildcard: a suppressed cell matches any value (sdcMicro's count).</p>
<table>${row(['', ...k.flatMap((x) => [`${x}-anon. before`, `${x}-anon. after`])], true)}${row(['strict', ...k.flatMap((x) => [r.before.violators.strict[x], r.after.violators.strict[x]])])}${row(['wildcard', ...k.flatMap((x) => [r.before.violators.wildcard[x], r.after.violators.wildcard[x]])])}</table>
<h2>Suppressions per variable</h2>
<table>${row(['variable', 'cells', '% of records'], true)}${Object.entries(r.suppressions)
    .map(([v, s]) => row([v, s.count, `${s.percent}%`]))
    .join('')}</table>
<h2>Categories per quasi-identifier</h2>
<table>${row(['variable', 'before', 'after'], true)}${Object.keys(r.before.categories)
    .map((v) => row([v, r.before.categories[v], r.after.categories[v]]))
    .join('')}</table>
<h2>l-diversity (smallest number of distinct values in a class)</h2>
<table>${row(['sensitive variable', 'before', 'after'], true)}${Object.entries(r.minL)
    .map(([v, m]) => row([v, m.before, m.after]))
    .join('')}</table>
</body></html>
`;
}
