/**
 * Everything the CLI shows goes through here: results on stdout (text, or one JSON document with
 * --json), messages and the progress bar on stderr. Every secret the CLI handles is registered
 * and blanked from every write, so a token cannot reach a terminal, a CI log or a pipe even if a
 * library puts it in an error message.
 */
export type Write = (text: string) => void;

export class Output {
  private readonly secrets = new Set<string>();
  private lastProgress = '';

  constructor(readonly json: boolean, private readonly stdout: Write, private readonly stderr: Write, private readonly tty: boolean) {}

  secret(value: string): void {
    if (value.length >= 8) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('[redacted]');
    return out;
  }

  /** A result line for people (not printed with --json). */
  line(text: string): void {
    if (!this.json) this.stdout(`${this.redact(text)}\n`);
  }

  info(text: string): void {
    this.endProgress();
    this.stderr(`${this.redact(text)}\n`);
  }

  warn(text: string): void {
    this.info(`warning: ${text}`);
  }

  /** The command's JSON document (only with --json). */
  result(data: unknown): void {
    if (this.json) this.stdout(`${this.redact(JSON.stringify(data, null, 2))}\n`);
  }

  /** `[#####-----] 12/40 components · 3/8 tests  Running Test: X.y`: redrawn on a terminal, one line per change otherwise. */
  progress(componentsDone: number, componentsTotal: number, testsDone: number, testsTotal: number, detail: string): void {
    const done = componentsDone + testsDone;
    const total = Math.max(1, componentsTotal + testsTotal);
    const width = 24;
    const filled = Math.min(width, Math.round((done / total) * width));
    const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${componentsDone}/${componentsTotal} components · ${testsDone}/${testsTotal} tests${detail ? `  ${detail}` : ''}`;
    if (text === this.lastProgress) return;
    this.lastProgress = text;
    this.stderr(this.tty ? `\r\x1b[2K${this.redact(text)}` : `${this.redact(text)}\n`);
  }

  endProgress(): void {
    if (this.tty && this.lastProgress !== '') this.stderr('\n');
    this.lastProgress = '';
  }
}
