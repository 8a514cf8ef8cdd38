/**
 * An incident body as a small, safe tree: markdown-it parses it with raw
 * HTML off, and only a fixed set of elements comes out. Links keep their
 * address only when it is a web or mail address; relative and other links
 * become plain text, and images become their description (nothing is ever
 * loaded). The panel builds DOM from this tree and the HTML export prints
 * it, so both show the same thing and neither parses HTML.
 */
import MarkdownIt from 'markdown-it';
import { safeLink } from '../safeLink';
import { MD_TAGS, type MdAlign, type MdNode, type MdTag } from './mdNode';

type Parser = ReturnType<typeof MarkdownIt>;
type Token = ReturnType<Parser['parse']>[number];
/** A mutable node while the tree is being built. */
type Building = { children: MdNode[] };

let parser: Parser | undefined;

/** One parser for the process: html off, no linkify, no typographer (the text stays as written). */
export function markdown(): Parser {
  parser ??= MarkdownIt('default', { html: false, linkify: false, typographer: false });
  return parser;
}

export function parseMarkdown(body: string): Token[] {
  return markdown().parse(body, {});
}

/** The tree of a body whose first line is line `lineOffset` of the file. */
export function markdownTree(body: string, lineOffset = 0, tokens: readonly Token[] = parseMarkdown(body)): MdNode[] {
  const root: MdNode[] = [];
  const stack: Building[] = [{ children: root }];
  const top = () => stack[stack.length - 1].children;
  for (const token of tokens) {
    if (token.type === 'inline') {
      top().push(...inlineNodes(token.children ?? []));
    } else if (token.type === 'fence' || token.type === 'code_block') {
      top().push({ t: 'code', v: token.content, block: true });
    } else if (token.type === 'hr') {
      top().push({ t: 'hr' });
    } else if (token.type === 'html_block') {
      // Only with html on; shown as the text it is, should a parser option ever change.
      top().push({ t: 'el', tag: 'p', children: [{ t: 'text', v: token.content }] });
    } else if (token.hidden) {
      // Paragraphs of tight list items: their text goes straight into the item, as markdown-it renders them.
      continue;
    } else if (token.nesting === 1 && isTag(token.tag)) {
      const node = element(token, lineOffset);
      top().push(node);
      stack.push(node as unknown as Building);
    } else if (token.nesting === -1 && isTag(token.tag) && stack.length > 1) {
      stack.pop();
    }
  }
  return root;
}

function element(token: Token, lineOffset: number): MdNode {
  const children: MdNode[] = [];
  const heading = /^h[1-6]$/.test(token.tag);
  const start = token.tag === 'ol' ? Number(token.attrGet('start') ?? 1) : undefined;
  const align = /text-align:(left|right|center)/.exec(String(token.attrGet('style') ?? ''))?.[1] as MdAlign | undefined;
  return {
    t: 'el',
    tag: token.tag as MdTag,
    children,
    ...(heading && token.map ? { line: lineOffset + token.map[0] } : {}),
    ...(start !== undefined && Number.isInteger(start) && start !== 1 ? { start } : {}),
    ...(align ? { align } : {}),
  };
}

function inlineNodes(tokens: readonly Token[]): MdNode[] {
  const root: MdNode[] = [];
  const stack: Building[] = [{ children: root }];
  const top = () => stack[stack.length - 1].children;
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'html_inline':
        pushText(top(), token.content);
        break;
      case 'softbreak':
        pushText(top(), '\n');
        break;
      case 'hardbreak':
        top().push({ t: 'br' });
        break;
      case 'code_inline':
        top().push({ t: 'code', v: token.content, block: false });
        break;
      case 'image':
        top().push({ t: 'image', alt: plainText(token.children ?? []) || token.content, target: String(token.attrGet('src') ?? '') });
        break;
      case 'link_open': {
        const target = String(token.attrGet('href') ?? '');
        const link: MdNode = { t: 'link', href: safeLink(target) ?? null, target, children: [] };
        top().push(link);
        stack.push(link as unknown as Building);
        break;
      }
      default:
        if (token.nesting === 1 && isTag(token.tag)) {
          const node: MdNode = { t: 'el', tag: token.tag as MdTag, children: [] };
          top().push(node);
          stack.push(node as unknown as Building);
        } else if (token.nesting === -1 && (isTag(token.tag) || token.tag === 'a') && stack.length > 1) {
          stack.pop();
        }
    }
  }
  return root;
}

/** Adjacent text merges, so the tree stays small. */
function pushText(children: MdNode[], text: string): void {
  const last = children[children.length - 1];
  if (last?.t === 'text') children[children.length - 1] = { t: 'text', v: last.v + text };
  else children.push({ t: 'text', v: text });
}

function isTag(tag: string): boolean {
  return (MD_TAGS as readonly string[]).includes(tag);
}

/** The text of inline tokens, markup dropped: what a heading or an image description says. */
export function plainText(tokens: readonly Token[]): string {
  return tokens.map((token) => (token.type === 'softbreak' || token.type === 'hardbreak' ? ' ' : token.type === 'image' ? plainText(token.children ?? []) : token.content)).join('');
}
