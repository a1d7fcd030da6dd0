// Building DOM without innerHTML: every text from a questionnaire or the server goes in as text.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  // Our buttons and labels carry our classes, so the stylesheet never restyles the form renderer's.
  if (tag === 'button') attrs = { ...attrs, class: `app ${attrs.class ?? ''}`.trim() };
  if (tag === 'label') attrs = { ...attrs, class: String(attrs.class ?? 'field') };
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const byId = (id: string) => document.getElementById(id)!;

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** The page's root and its data-* attributes (set by the server in the HTML shell). */
export function root(): { el: HTMLElement; data: DOMStringMap } {
  const el = byId('app');
  return { el, data: el.dataset };
}
