/** What the README says a request answers: `# → <status> …; route: <route>`. */
export interface ExampleExpectation {
  status: number;
  route?: string;
}

/** One shell command of a README code block, with the line it starts on. */
export interface ReadmeStep {
  line: number;
  command: string;
  /** Required for every command that sends a request (runs curl). */
  expect?: ExampleExpectation;
}

const EXPECTATION = /^#\s*→\s*(\d{3})\b(?:.*?\broute:\s*([a-z_]+))?/;

/**
 * The shell commands of the ```bash blocks in one section of a Markdown document (from its
 * `## ` heading to the next), in order, each with the expectation written on the comment line
 * after it. Commands span lines through a trailing backslash, an open single quote or a
 * heredoc. Throws when a request has no expectation: an example nobody can check is a bug.
 */
export function readmeSteps(markdown: string, heading: string): ReadmeStep[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const steps: ReadmeStep[] = [];
  let inBlock = false;
  let current: { line: number; text: string[] } | null = null;
  let heredoc: string | null = null;
  let quotes = 0;

  for (let i = start + 1; i < (end < 0 ? lines.length : end); i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      if (inBlock && current) throw new Error(`README line ${current.line}: unfinished command`);
      inBlock = line.trim() === '```bash';
      continue;
    }
    if (!inBlock) continue;
    if (!current) {
      const expectation = EXPECTATION.exec(line.trim());
      if (expectation) {
        const last = steps[steps.length - 1];
        if (!last || last.expect)
          throw new Error(`README line ${i + 1}: expectation without a request`);
        last.expect = { status: Number(expectation[1]), route: expectation[2] };
        continue;
      }
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      current = { line: i + 1, text: [] };
      quotes = 0;
    }
    current.text.push(line);
    if (heredoc !== null) {
      if (line.trim() === heredoc) heredoc = null;
      else continue;
    } else {
      quotes += (line.match(/'/g) ?? []).length;
      const opened = /<<-?\s*'?([A-Za-z_]+)'?\s*$/.exec(line);
      if (opened) {
        heredoc = opened[1];
        continue;
      }
    }
    if (heredoc === null && !line.endsWith('\\') && quotes % 2 === 0) {
      steps.push({ line: current.line, command: current.text.join('\n') });
      current = null;
    }
  }
  for (const step of steps) {
    if (/\bcurl\b/.test(step.command) && !step.expect)
      throw new Error(`README line ${step.line}: a request without "# → <status>" after it`);
  }
  return steps;
}
