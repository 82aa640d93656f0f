/** A comment found in SQL text, with its offsets. */
export interface SqlComment {
  start: number;
  end: number;
  body: string;
  /** MySQL's `/*! … *\/` (and optimizer hints `/*+ … *\/`): the server runs what is inside. */
  executable: boolean;
}

/** What a lexical pass over SQL text finds, without parsing it. */
export interface SqlScan {
  comments: SqlComment[];
  /** Deepest nesting of parentheses outside strings and comments. */
  maxDepth: number;
  /** A string, quoted identifier or block comment that never ends. */
  unterminated: boolean;
  /** Whether anything but whitespace and comments is there. */
  hasCode: boolean;
}

/**
 * One linear pass over SQL: comments (`--`, `#` for MySQL, nested `/* *\/`), quoted strings and
 * identifiers, PostgreSQL dollar quotes. It runs before the parser so that a parse is never
 * attempted on input nested deep enough to make a recursive-descent parser slow.
 */
export function scanSql(sql: string, dialect: string): SqlScan {
  const hashComments = dialect === 'mysql' || dialect === 'mariadb';
  const backslashEscapes = hashComments;
  const comments: SqlComment[] = [];
  let depth = 0;
  let maxDepth = 0;
  let unterminated = false;
  let hasCode = false;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if ((c === '-' && next === '-') || (c === '#' && hashComments)) {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      comments.push({
        start: i,
        end: stop,
        body: sql.slice(i + (c === '#' ? 1 : 2), stop),
        executable: false,
      });
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          level++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          level--;
          j += 2;
        } else j++;
      }
      if (level > 0) unterminated = true;
      const mark = sql[i + 2];
      comments.push({
        start: i,
        end: j,
        body: sql.slice(i + 2, level > 0 ? j : j - 2),
        executable: mark === '!' || mark === '+',
      });
      i = j;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      hasCode = true;
      const escapes = backslashEscapes || (c === "'" && /[eE]/.test(sql[i - 1] ?? ''));
      let j = i + 1;
      for (; j < n; j++) {
        if (escapes && sql[j] === '\\') j++;
        else if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      if (j >= n) unterminated = true;
      i = j + 1;
      continue;
    }
    if (c === '$' && dialect === 'postgresql') {
      const tag = /^\$[A-Za-z_]?\w*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        hasCode = true;
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end === -1) unterminated = true;
        i = end === -1 ? n : end + tag[0].length;
        continue;
      }
    }
    if (c === '(') {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
    } else if (c === ')') depth = Math.max(0, depth - 1);
    if (!hasCode && !/\s/.test(c)) hasCode = true;
    i++;
  }
  return { comments, maxDepth, unterminated, hasCode };
}

// Words that start or chain a statement: in a comment they mean text someone may uncomment, or
// that a downstream tool that strips comments differently would run.
const STATEMENT_IN_COMMENT =
  /;|\b(?:select|insert|update|delete|drop|alter|create|truncate|grant|revoke|exec(?:ute)?|union|merge|copy|call|into|pg_sleep|sleep|waitfor)\b/i;

/** Whether a comment's text looks like SQL that could run (rather than a note for people). */
export function commentHidesStatement(comment: SqlComment): boolean {
  return comment.executable || STATEMENT_IN_COMMENT.test(comment.body);
}
