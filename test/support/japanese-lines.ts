// What the CLI prints for people is Japanese (issue 12 item 8). A line may go without kana or
// kanji only when nobody reads it as a sentence: a command line as typed (`katsudo serve …`),
// or a list of paths, URLs, options, names of variables and numbers.
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const COMMAND_LINE = /^\s*katsudo [a-z]/;
/** A path or URL (has / or .), an option, an UPPER_SNAKE name or a number. */
const TECHNICAL_WORD = /^(\S*[/.]\S*|--?[\w-]+|[A-Z][A-Z0-9_]*|[\d.,%]+)$/;

/** The lines of `output` that a person reads and that hold no Japanese. */
export function linesWithoutJapanese(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (line.trim() === '' || JAPANESE.test(line) || COMMAND_LINE.test(line)) return false;
    return !line
      .split(/[\s,]+/)
      .filter((word) => word !== '')
      .every((word) => TECHNICAL_WORD.test(word));
  });
}
