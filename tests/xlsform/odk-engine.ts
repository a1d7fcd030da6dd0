// ODK's own form engine (@getodk/xforms-engine, the engine of ODK Web Forms) as the oracle of the
// XLSForm differential tests. It expects a browser: jsdom supplies the DOM, and its tree-sitter
// XPath parser (WebAssembly inlined in the bundle) asks for the module's directory as Node's
// CommonJS would.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const g = globalThis as Record<string, unknown>;
for (const k of ['DOMParser', 'document', 'Node', 'Element', 'XMLDocument', 'Document', 'NodeFilter', 'Attr', 'Text', 'XMLSerializer'])
  g[k] ??= (dom.window as unknown as Record<string, unknown>)[k];
g.__dirname ??= dirname(createRequire(import.meta.url).resolve('@getodk/xforms-engine'));

type OdkNode = {
  nodeType: string;
  currentState: {
    reference: string;
    relevant: boolean;
    required: boolean;
    value: unknown;
    children?: OdkNode[] | null;
    valueOptions?: ReadonlyArray<{ value: string }>;
  };
  validationState?: { constraint?: { valid: boolean }; required?: { valid: boolean } };
  setValue?(v: unknown): unknown;
  selectValue?(v: string | null): unknown;
  selectValues?(v: readonly string[]): unknown;
};

export interface OdkState {
  relevant: boolean;
  required: boolean;
  constraintValid: boolean;
  value: string;
  /** The choices a select offers now (after its choice_filter), by name. */
  options: string[] | null;
}

export interface OdkForm {
  /** Leaf nodes of the main instance, by question name (`repeat[i]/name` inside a repeat). */
  state(): Map<string, OdkState>;
  /** Sets an answer; returns false when the node does not take it (not relevant, read-only). */
  answer(name: string, value: string | string[] | null): boolean;
}

const valueText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(valueText).join(' ');
  if (typeof v === 'object' && v && 'value' in v) return valueText((v as { value: unknown }).value);
  return String(v);
};

export async function loadOdkForm(xml: string): Promise<OdkForm> {
  const engine = (await import('@getodk/xforms-engine')) as unknown as {
    createInstance(xml: string, options: object): Promise<{ root: OdkNode }>;
  };
  const { root } = await engine.createInstance(xml, {});
  // Leaves keyed as slotsOf keys the questions: the name, or `repeat[i]/name` inside a repeat.
  const keyOf = (reference: string) => {
    const segments = reference.split('/').filter(Boolean);
    return [...segments.slice(0, -1).filter((seg) => /\[\d+\]$/.test(seg)), segments.at(-1)!].join('/');
  };
  const leaves = (): Map<string, OdkNode> => {
    const out = new Map<string, OdkNode>();
    const walk = (n: OdkNode) => {
      const children = n.currentState.children;
      if (children?.length || n.nodeType.startsWith('repeat') || n.nodeType === 'group') for (const c of children ?? []) walk(c);
      else out.set(keyOf(n.currentState.reference), n);
    };
    walk(root);
    return out;
  };
  return {
    state() {
      const out = new Map<string, OdkState>();
      for (const [name, n] of leaves())
        out.set(name, {
          relevant: n.currentState.relevant,
          required: n.currentState.required,
          constraintValid: n.validationState?.constraint?.valid ?? true,
          value: valueText(n.currentState.value),
          options: n.currentState.valueOptions ? n.currentState.valueOptions.map((o) => o.value) : null,
        });
      return out;
    },
    answer(name, value) {
      const n = leaves().get(name);
      if (!n?.currentState.relevant) return false;
      if (n.selectValues && Array.isArray(value)) n.selectValues(value);
      else if (n.selectValue && !Array.isArray(value)) n.selectValue(value);
      else if (n.setValue) n.setValue(Array.isArray(value) ? value.join(' ') : (value ?? ''));
      else return false;
      return true;
    },
  };
}
