/**
 * The shape of a call-center definition once its XML is read, and how its problems are worded.
 * Shared by the structure checks (call-center-xml.ts) and the `reqGeneralInfo` rules.
 */
import { describeValue } from '../shared/errors.ts';
import type { ConfigErrorCode, ConfigIssue } from './config-error.ts';
import type { SourcePosition } from './xml-document.ts';

/** An `<item>` as read from the file (attributes checked, value trimmed). */
export interface DefinitionItem {
  readonly name: string;
  readonly label: string | undefined;
  readonly sortOrder: number | undefined;
  /** Trimmed text of the item. */
  readonly value: string;
  readonly position: SourcePosition;
}

/** A `<section>` as read from the file, with its items. */
export interface DefinitionSection {
  readonly name: string;
  readonly label: string | undefined;
  readonly sortOrder: number | undefined;
  readonly items: readonly DefinitionItem[];
  readonly position: SourcePosition;
}

/** What an issue is about: the whole file, a section, or an item of a section. */
export type IssueTarget =
  | { readonly kind: 'file'; readonly position: SourcePosition }
  | { readonly kind: 'section'; readonly section: DefinitionSection }
  | { readonly kind: 'item'; readonly section: DefinitionSection; readonly item: DefinitionItem };

function targetPath(target: IssueTarget): string {
  switch (target.kind) {
    case 'file':
      return '/';
    case 'section':
      return `/${target.section.name}`;
    case 'item':
      return `/${target.section.name}/${target.item.name}`;
  }
}

function targetDescription(target: IssueTarget): string {
  switch (target.kind) {
    case 'file':
      return 'The call-center definition';
    case 'section':
      return `Section ${describeValue(target.section.name)}`;
    case 'item':
      return `Item ${describeValue(target.item.name)} of section ${describeValue(target.section.name)}`;
  }
}

function targetPosition(target: IssueTarget): SourcePosition {
  switch (target.kind) {
    case 'file':
      return target.position;
    case 'section':
      return target.section.position;
    case 'item':
      return target.item.position;
  }
}

/**
 * An issue that names the section/item, its path, its line:column, the value received and what
 * was expected, e.g. `Item "reqSoftphoneHeight" of section "reqGeneralInfo" (/reqGeneralInfo/
 * reqSoftphoneHeight, line 8, column 5) is out of range: …`.
 */
export function definitionIssue(
  code: ConfigErrorCode,
  target: IssueTarget,
  problem: string,
  received: string | undefined,
  expected: string,
): ConfigIssue {
  const path = targetPath(target);
  const { line, column } = targetPosition(target);
  const label = target.kind === 'section' ? target.section.label : target.kind === 'item' ? target.item.label : undefined;
  const message =
    `${targetDescription(target)} (${path === '/' ? '' : `${path}, `}line ${line}, column ${column}) ${problem}. ` +
    `Received ${describeValue(received)}; expected ${expected}.`;
  return { code, path, label, received, expected, message, line, column };
}
