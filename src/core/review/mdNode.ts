/**
 * The safe Markdown tree's node types (markdownTree.ts builds them). Kept
 * apart from the parser so the webview bundle can check and draw the tree
 * without carrying markdown-it.
 */

export const BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td'] as const;
const INLINE_TAGS = ['em', 'strong', 's'] as const;
export const MD_TAGS = [...BLOCK_TAGS, ...INLINE_TAGS] as const;
export type MdTag = (typeof MD_TAGS)[number];
export type MdAlign = 'left' | 'right' | 'center';

export type MdNode =
  | { readonly t: 'text'; readonly v: string }
  | {
      readonly t: 'el';
      readonly tag: MdTag;
      readonly children: readonly MdNode[];
      /** 0-based line in the file where a heading starts, for "jump to". */
      readonly line?: number;
      /** First number of an ordered list. */
      readonly start?: number;
      readonly align?: MdAlign;
    }
  | { readonly t: 'code'; readonly v: string; readonly block: boolean }
  /** `href` is null when the address is not one the reader may open; `target` is the address as written. */
  | { readonly t: 'link'; readonly href: string | null; readonly target: string; readonly children: readonly MdNode[] }
  | { readonly t: 'image'; readonly alt: string; readonly target: string }
  | { readonly t: 'br' }
  | { readonly t: 'hr' };
