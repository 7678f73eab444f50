import { existsSync, readFileSync } from 'node:fs';
import type { SettingsMap } from '../../../src/config/settings-map.ts';
import { decodeXmlBytes } from '../../../src/config/xml-encoding.ts';

/** `settingsFromCallCenterXml` of `src/config/call-center-xml.ts`: call-center XML → settings map; throws on a bad file. */
export type SettingsFromXml = (xml: string) => SettingsMap;

/** What the control API shows about the call center. */
export interface CallCenterSnapshot {
  settings: SettingsMap;
  /** Where the imported definition came from (a path, or `control API`). */
  source: string;
  /** Why the last import was refused, if it was; the previous settings stay in force. */
  importError: string | undefined;
  /** Values set on top of the imported file (`--set`), like an admin's edits after import. */
  overrides: Readonly<Record<string, string>>;
}

/**
 * The user's call center: the imported definition plus the admin's edits.
 *
 * Salesforce refuses to import a broken definition, so a refused import leaves the previous
 * settings in force and records the reason (the host page shows it). A well-formed file with bad
 * values is imported as is — the adapter then receives the bad values, which is the case a
 * softphone must survive. With no successful import at all the map is empty.
 */
export class CallCenter {
  private imported: SettingsMap = {};
  private replaced: SettingsMap | undefined;
  private source = 'none';
  private importError: string | undefined;
  private overrides: Record<string, string>;

  constructor(
    private readonly parse: SettingsFromXml,
    overrides: Readonly<Record<string, string>> = {},
  ) {
    this.overrides = { ...overrides };
  }

  /** Imports a definition file; a missing or unreadable file counts as a refused import. */
  importFile(path: string): boolean {
    if (!existsSync(path)) {
      this.importError = `Call-center definition ${path} does not exist`;
      this.source = path;
      return false;
    }
    // Decoded with the encoding the file declares, like Salesforce's importer (ISO-8859-1 files exist).
    const decoded = decodeXmlBytes(readFileSync(path));
    if (!decoded.ok) {
      this.importError = `Import of ${path} refused: ${decoded.errors.map((issue) => issue.message).join(' ')}`;
      return false;
    }
    return this.importXml(decoded.text, path);
  }

  /** Imports definition text; returns false (keeping the previous settings) when it is refused. */
  importXml(xml: string, source: string): boolean {
    try {
      this.imported = this.parse(xml);
      this.replaced = undefined;
      this.importError = undefined;
      this.source = source;
      return true;
    } catch (error) {
      this.importError = `Import of ${source} refused: ${error instanceof Error ? error.message : String(error)}`;
      return false;
    }
  }

  /** Replaces the whole map (bad values included): what an admin's edits could produce. */
  replaceSettings(settings: Readonly<Record<string, string>>): void {
    this.replaced = { ...settings };
    this.overrides = {};
    this.source = 'control API';
    this.importError = undefined;
  }

  /** Sets (or, with `null`, removes) individual values on top of the imported map. */
  setValues(values: Readonly<Record<string, string | null>>): void {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) {
        this.overrides = Object.fromEntries(Object.entries(this.overrides).filter(([k]) => k !== key));
        if (this.replaced && Object.hasOwn(this.replaced, key)) {
          this.replaced = Object.fromEntries(Object.entries(this.replaced).filter(([k]) => k !== key));
        }
        if (Object.hasOwn(this.imported, key)) {
          this.imported = Object.fromEntries(Object.entries(this.imported).filter(([k]) => k !== key));
        }
      } else {
        this.overrides[key] = value;
      }
    }
  }

  /** The map `getCallCenterSettings` answers with. */
  get settings(): SettingsMap {
    return { ...(this.replaced ?? this.imported), ...this.overrides };
  }

  snapshot(): CallCenterSnapshot {
    return { settings: this.settings, source: this.source, importError: this.importError, overrides: { ...this.overrides } };
  }
}
