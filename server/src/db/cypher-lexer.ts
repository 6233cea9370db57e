/**
 * A small Cypher lexer for the console's static limits (console-limits.ts): enough to tell
 * names, literals, parameters, operators and brackets apart, without parsing. Comments are
 * dropped; string literals keep their (roughly decoded) text, backtick names their name.
 */

export type TokenKind = 'name' | 'string' | 'number' | 'param' | 'op' | 'open' | 'close' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Names upper-cased are compared with `upper`; `text` is the name, the string's content or the symbol. */
  readonly text: string;
  readonly upper: string;
}

/** Characters Cypher treats as whitespace (JavaScript's `\s` plus a few separators it lacks). */
// eslint-disable-next-line no-control-regex -- the separators U+001C..U+001F are exactly what this matches
const SPACE = /[\s\u001C-\u001F\u0085\u180E\u200B\u2060]/u;
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const OPERATORS = ['=~', '<>', '<=', '>=', '!=', '..', '+=', '->', '<-', '+', '-', '*', '/', '%', '^', '=', '<', '>', '|', '.', ':', ','];

function unescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/gs, (_match, escaped: string) => {
    if (escaped.length === 5) return String.fromCharCode(Number.parseInt(escaped.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
  });
}

function token(kind: TokenKind, text: string): Token {
  return { kind, text, upper: kind === 'name' ? text.toUpperCase() : text };
}

/** Tokens of `text`; an unterminated string or comment ends the text (Neo4j will refuse it anyway). */
export function lexCypher(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      tokens.push(token('string', unescape(text.slice(i + 1, Math.min(j, text.length)))));
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      while (j < text.length && !(text[j] === '`' && text[j + 1] !== '`')) j += text[j] === '`' ? 2 : 1;
      tokens.push(token('name', text.slice(i + 1, j).replace(/``/g, '`')));
      i = j + 1;
    } else if (c === '$') {
      const match = /^\$(?:`[^`]*`|[\p{L}\p{N}_]*)/u.exec(text.slice(i, i + 300))!;
      tokens.push(token('param', match[0]));
      i += match[0].length;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9_]*\.?[0-9_]+(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400))!;
      tokens.push(token('number', match[0]));
      i += Math.max(1, match[0].length);
    } else if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < text.length && NAME_PART.test(text[j]!)) j += 1;
      tokens.push(token('name', text.slice(i, j)));
      i = j;
    } else if ('([{'.includes(c)) {
      tokens.push(token('open', c));
      i += 1;
    } else if (')]}'.includes(c)) {
      tokens.push(token('close', c));
      i += 1;
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      tokens.push(token(op === undefined ? 'punct' : 'op', op ?? c));
      i += op?.length ?? 1;
    }
  }
  return tokens;
}

/** Index of the token that closes the bracket opened at `open` (or tokens.length). */
export function closingIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const kind = tokens[i]!.kind;
    if (kind === 'open') depth += 1;
    else if (kind === 'close') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return tokens.length;
}

/** The comma-separated arguments of the call whose `(` is at `open`, each as its tokens. */
export function callArguments(tokens: readonly Token[], open: number): Token[][] {
  const end = closingIndex(tokens, open);
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < end; i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
    if (depth === 0 && t.kind === 'op' && t.text === ',') args.push([]);
    else args[args.length - 1]!.push(t);
  }
  return args.length === 1 && args[0]!.length === 0 ? [] : args;
}
