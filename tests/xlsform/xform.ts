// The XForm pyxform writes for a flat XLSForm (no groups, no repeats), for the generated forms of
// the differential test: one instance node and one bind per row, `${name}` replaced by the node's
// absolute path as pyxform documents it, inline items for selects. pyxform itself cannot be
// installed here (no PyPI); the corpus test runs pyxform 4.5.0's own output for real workbooks.

export interface FlatRow {
  type: string;
  name: string;
  relevant?: string;
  constraint?: string;
  required?: string;
  calculation?: string;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paths = (s: string) => s.replace(/\$\{([^}]+)\}/g, '/data/$1');

const BIND_TYPE: Record<string, string> = { integer: 'int', decimal: 'decimal', text: 'string', calculate: 'string' };

export function flatXForm(rows: FlatRow[], lists: Record<string, string[]>): string {
  const instance = rows.map((r) => `<${r.name}/>`).join('');
  const binds = rows
    .map((r) => {
      const type = r.type.startsWith('select_one') ? 'string' : r.type.startsWith('select_multiple') ? 'string' : BIND_TYPE[r.type];
      const attrs = [`nodeset="/data/${r.name}"`, `type="${type}"`];
      if (r.relevant) attrs.push(`relevant="${xmlText(paths(r.relevant))}"`);
      if (r.constraint) attrs.push(`constraint="${xmlText(paths(r.constraint))}"`);
      if (r.required) attrs.push(`required="${r.required === 'yes' ? 'true()' : xmlText(paths(r.required))}"`);
      if (r.calculation) attrs.push(`calculate="${xmlText(paths(r.calculation))}"`);
      return `<bind ${attrs.join(' ')}/>`;
    })
    .join('');
  const body = rows
    .filter((r) => r.type !== 'calculate')
    .map((r) => {
      const [kind, list] = r.type.split(' ');
      const label = `<label>${r.name}</label>`;
      if (kind === 'select_one' || kind === 'select_multiple') {
        const items = lists[list!]!.map((v) => `<item><label>${v}</label><value>${v}</value></item>`).join('');
        return `<${kind === 'select_one' ? 'select1' : 'select'} ref="/data/${r.name}">${label}${items}</${kind === 'select_one' ? 'select1' : 'select'}>`;
      }
      return `<input ref="/data/${r.name}">${label}</input>`;
    })
    .join('');
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">
<h:head><h:title>generated</h:title><model odk:xforms-version="1.0.0">
<instance><data id="generated">${instance}<meta><instanceID/></meta></data></instance>
${binds}<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model></h:head>
<h:body>${body}</h:body></h:html>`;
}
