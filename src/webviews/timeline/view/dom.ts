/**
 * The only way the panel builds DOM: elements, attributes and textContent.
 * Incident text is data, so nothing here parses HTML, and attributes that
 * could run code or load something (on*, style, href, src) are refused.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

const FORBIDDEN = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.attrs) setAttrs(element, props.attrs);
  if (props.text !== undefined) element.textContent = props.text;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

function setAttrs(element: Element, attrs: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (FORBIDDEN.test(name)) throw new Error(`the panel never sets ${name}`);
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}
