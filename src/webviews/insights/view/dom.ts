/**
 * The only way the panel builds DOM: elements, attributes and textContent.
 * Incident text is data, so nothing here parses HTML, and attributes that
 * could run code or load something are refused.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

const FORBIDDEN = /^(on|style$|href$|src$|srcdoc$|action$|formaction$|xlink:href$)/i;
const SVG_NS = 'http://www.w3.org/2000/svg';

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), props, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function fill<E extends Element>(element: E, props: Props, children: readonly Child[]): E {
  if (props.class) element.setAttribute('class', props.class);
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (FORBIDDEN.test(name)) throw new Error(`the panel never sets ${name}`);
      if (value !== undefined) element.setAttribute(name, value);
    }
  }
  if (props.text !== undefined) element.textContent = props.text;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}
