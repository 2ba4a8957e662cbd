// The stylesheets as served: comments and layout whitespace taken out when they are read at
// start (web/assets.ts), so the server and the static build send the same bytes under the
// same content hash. Strings are kept exactly; only whitespace no selector or value needs goes.

/** A quoted string, a comment, or a run of anything else (a lone slash included). */
const TOKEN = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(\/\*[\s\S]*?(?:\*\/|$))|([^"'/]+|\/)/g;

/**
 * `css` without comments, with each run of whitespace made one space, none beside `{ } ; , >`
 * or after `:`, and no `;` before `}`. Spaces that mean something stay: the descendant
 * combinator, between the words of a value, around `+` and `-` in calc().
 */
export function compactCss(css: string): string {
  let out = '';
  let plain = '';
  for (const [, quoted, comment, other] of css.matchAll(TOKEN)) {
    if (other !== undefined) plain += other;
    else if (comment !== undefined) plain += ' ';
    else {
      out += compactPlain(plain) + quoted;
      plain = '';
    }
  }
  return (out + compactPlain(plain)).trim();
}

function compactPlain(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}
