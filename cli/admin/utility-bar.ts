/**
 * The Lightning app's utility item: a `UtilityBar` FlexiPage with the Open CTI Softphone
 * component (`opencti_softphone`). `deploy --utility-bar PAGE` adds it to that page; `doctor`
 * looks for it on every utility bar.
 */
import type { OrgConnection } from './auth.ts';
import { AdminError, explain } from './errors.ts';

export const UTILITY_ITEM = 'opencti_softphone';

type Node = string | number | boolean | null | undefined | Node[] | { [key: string]: Node };

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function toXml(name: string, value: Node, indent: string): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v, indent)).join('');
  if (typeof value === 'object') {
    const children = Object.entries(value).filter(([k]) => k !== '$').map(([k, v]) => toXml(k, v, `${indent}    `)).join('');
    return `${indent}<${name}>\n${children}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${esc(String(value))}</${name}>\n`;
}

const list = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

interface Region { name?: string; itemInstances?: Node }

export function hasSoftphone(page: { flexiPageRegions?: Region | Region[] }): boolean {
  return JSON.stringify(page.flexiPageRegions ?? []).includes(`"componentName":"${UTILITY_ITEM}"`);
}

export async function readUtilityBar(org: OrgConnection, name: string): Promise<{ fullName?: string; type?: string; flexiPageRegions?: Region | Region[] } | undefined> {
  let page: Record<string, Node>;
  try {
    page = await org.conn.metadata.read('FlexiPage', name);
  } catch (error) {
    throw explain(error, `Reading the utility bar ${name} of ${org.alias}`);
  }
  return page.fullName ? (page) : undefined;
}

/** The page with the softphone item added, as a Metadata API file; undefined when it already has it. */
export async function addSoftphoneItem(org: OrgConnection, name: string): Promise<string | undefined> {
  const page = await readUtilityBar(org, name);
  if (!page) throw new AdminError('BAD_INPUT', `${org.alias} has no FlexiPage named ${name}.`, 'Run dialtone-admin doctor: it lists the org\'s utility bars (App Manager → your app → Utility Items shows its page).');
  if (page.type !== 'UtilityBar') throw new AdminError('BAD_INPUT', `${name} is a ${page.type ?? '?'} page, not a utility bar.`, 'Pass the utility bar page of your Lightning app (doctor lists them).');
  if (hasSoftphone(page)) return undefined;
  const regions = list(page.flexiPageRegions);
  const target = regions.find((r) => r.name === 'utilityItems') ?? regions[0];
  if (!target) throw new AdminError('BAD_INPUT', `${name} has no region for utility items.`, 'Add the Open CTI Softphone in App Manager → your app → Utility Items instead.');
  target.itemInstances = [...list(target.itemInstances), { componentInstance: { componentName: UTILITY_ITEM, identifier: UTILITY_ITEM } }];
  const { fullName: _ignored, ...rest } = page as Record<string, Node>;
  const body = Object.entries({ ...rest, flexiPageRegions: regions as Node }).filter(([k]) => k !== '$').map(([k, v]) => toXml(k, v, '    ')).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</FlexiPage>\n`;
}
