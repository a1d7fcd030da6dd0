// The XForm pyxform writes for an XLSForm of plain rows, groups and repeats (no nesting of one in
// another), for the generated forms of the differential test: one instance node and one bind per
// row; `${name}` replaced as pyxform documents it (the node's absolute path, or `../name` between
// two questions of the same repeat); a repeat_count number as `jr:count`; inline items for
// selects. pyxform itself cannot be installed here (no PyPI); the corpus test runs pyxform
// 4.5.0's own output for real workbooks.

export interface FormRow {
  type: string;
  name: string;
  relevant?: string;
  constraint?: string;
  required?: string;
  calculation?: string;
  repeat_count?: string;
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BIND_TYPE: Record<string, string> = { integer: 'int', decimal: 'decimal', text: 'string', date: 'date', calculate: 'string' };

interface Node {
  row: FormRow;
  path: string;
  /** The repeat the row is in (not the repeat itself), if any. */
  repeat: string | null;
  children: Node[];
}

export function xform(rows: FormRow[], lists: Record<string, string[]>): string {
  // The tree and each name's path.
  const top: Node[] = [];
  const byName = new Map<string, Node>();
  let open: Node | null = null;
  for (const row of rows) {
    if (row.type.startsWith('end ')) {
      open = null;
      continue;
    }
    const parent = open;
    const node: Node = {
      row,
      path: `${parent ? parent.path : '/data'}/${row.name}`,
      repeat: parent?.row.type === 'begin repeat' ? parent.row.name : null,
      children: [],
    };
    (parent ? parent.children : top).push(node);
    byName.set(row.name, node);
    if (row.type.startsWith('begin ')) open = node;
  }
  const paths = (expr: string, from: Node) =>
    expr.replace(/\$\{([^}]+)\}/g, (_all, name: string) => {
      const target = byName.get(name)!;
      return from.repeat && target.repeat === from.repeat ? `../${name}` : target.path;
    });
  const instance = (nodes: Node[]): string =>
    nodes
      .map((n) =>
        n.row.type === 'begin repeat'
          ? `<${n.row.name} jr:template="">${instance(n.children)}</${n.row.name}>`
          : `<${n.row.name}>${instance(n.children)}</${n.row.name}>`,
      )
      .join('');
  const binds: string[] = [];
  const body = (nodes: Node[]): string =>
    nodes
      .map((n) => {
        const r = n.row;
        const attrs = [`nodeset="${n.path}"`];
        if (BIND_TYPE[r.type] || r.type.startsWith('select')) attrs.push(`type="${BIND_TYPE[r.type] ?? 'string'}"`);
        if (r.relevant) attrs.push(`relevant="${xmlText(paths(r.relevant, n))}"`);
        if (r.constraint) attrs.push(`constraint="${xmlText(paths(r.constraint, n))}"`);
        if (r.required) attrs.push(`required="${r.required === 'yes' ? 'true()' : xmlText(paths(r.required, n))}"`);
        if (r.calculation) attrs.push(`calculate="${xmlText(paths(r.calculation, n))}"`);
        if (attrs.length > 1) binds.push(`<bind ${attrs.join(' ')}/>`);
        const label = `<label>${r.name}</label>`;
        if (r.type === 'begin group') return `<group ref="${n.path}">${label}${body(n.children)}</group>`;
        if (r.type === 'begin repeat')
          return `<group ref="${n.path}">${label}<repeat nodeset="${n.path}" jr:count="${r.repeat_count}" jr:noAddRemove="true()">${body(n.children)}</repeat></group>`;
        if (r.type === 'calculate') return '';
        const [kind, list] = r.type.split(' ');
        if (kind === 'select_one' || kind === 'select_multiple') {
          const tag = kind === 'select_one' ? 'select1' : 'select';
          const items = lists[list!]!.map((v) => `<item><label>${v}</label><value>${v}</value></item>`).join('');
          return `<${tag} ref="${n.path}">${label}${items}</${tag}>`;
        }
        return `<input ref="${n.path}">${label}</input>`;
      })
      .join('');
  const bodyText = body(top);
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms">
<h:head><h:title>generated</h:title><model odk:xforms-version="1.0.0">
<instance><data id="generated">${instance(top)}<meta><instanceID/></meta></data></instance>
${binds.join('')}<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
</model></h:head>
<h:body>${bodyText}</h:body></h:html>`;
}
