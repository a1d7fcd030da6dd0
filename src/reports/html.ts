// Pages and charts rendered by the server itself: escaped text, inline SVG, a print stylesheet,
// no script, no outside resource (the CSP allows none).

export const esc = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const BASE_CSS = `body{font:14px/1.45 system-ui,"Noto Sans","Noto Naskh Arabic",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#111}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}
td,th{border:1px solid #999;padding:.25em .5em;vertical-align:top;text-align:start}th{background:#eee}
.num{text-align:end;white-space:nowrap}.muted{color:#555}.band{font-weight:600;white-space:nowrap}
svg text{font-family:system-ui,sans-serif}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}.noprint{display:none}h2{break-after:avoid}tr,svg{break-inside:avoid}}`;

export function page(title: string, body: string, opts: { lang?: string; dir?: 'ltr' | 'rtl'; css?: string } = {}): string {
  return `<!doctype html>
<html lang="${esc(opts.lang ?? 'en')}" dir="${opts.dir ?? 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>${BASE_CSS}${opts.css ?? ''}</style>
</head><body>
${body}
</body></html>`;
}

export const row = (cells: unknown[], th = false) =>
  `<tr>${cells.map((c) => (th ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`;

/** Horizontal bars with their value written next to each (readable without colour). */
export function barChart(
  title: string,
  bars: Array<{ label: string; value: number; text?: string; color?: string }>,
  opts: { max?: number; width?: number } = {},
): string {
  const width = opts.width ?? 640;
  const labelW = 180;
  const barH = 20;
  const gap = 6;
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value));
  const h = 28 + bars.length * (barH + gap);
  const inner = width - labelW - 90;
  const rows = bars
    .map((b, i) => {
      const y = 24 + i * (barH + gap);
      const w = Math.max(0, Math.round((b.value / max) * inner));
      return `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" font-size="12">${esc(b.label)}</text><rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="${b.color ?? '#0072B2'}"/><text x="${labelW + w + 6}" y="${y + 14}" font-size="12">${esc(b.text ?? String(b.value))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}"><title>${esc(title)}</title><text x="0" y="14" font-size="13" font-weight="600">${esc(title)}</text>${rows}</svg>`;
}

/** Vertical bars over days (fieldwork pace), with the count above each bar. */
export function columnChart(
  title: string,
  columns: Array<{ label: string; value: number }>,
  opts: { width?: number; height?: number } = {},
): string {
  const width = opts.width ?? Math.max(320, 40 + columns.length * 28);
  const height = opts.height ?? 220;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const plotH = height - 70;
  const colW = (width - 40) / Math.max(1, columns.length);
  const bars = columns
    .map((c, i) => {
      const h = Math.round((c.value / max) * plotH);
      const x = 30 + i * colW;
      const y = 30 + plotH - h;
      return `<rect x="${x + 2}" y="${y}" width="${Math.max(2, colW - 4)}" height="${h}" fill="#0072B2"/><text x="${x + colW / 2}" y="${y - 3}" text-anchor="middle" font-size="10">${c.value}</text><text x="${x + colW / 2}" y="${height - 28}" text-anchor="end" font-size="10" transform="rotate(-60 ${x + colW / 2} ${height - 28})">${esc(c.label)}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${esc(title)}</title><text x="0" y="14" font-size="13" font-weight="600">${esc(title)}</text>${bars}</svg>`;
}
