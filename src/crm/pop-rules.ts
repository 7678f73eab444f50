/**
 * What the softphone layout's screen-pop rules (Setup → Softphone Layouts, seed 004 "Formato de
 * Softphone") say Dialtone opens for one, several or no matches, and the campaign record
 * `campaignEntityName` links (docs/screen-pop.md). Pure.
 *
 * Salesforce's editor offers the rules for Inbound calls only; Outbound and Internal come with no
 * rules at all. So: a call type whose layout has **any** rule follows its rules, and a missing
 * rule means "No abrir ninguna pantalla" (open nothing); a call type with **no** rules keeps
 * Dialtone's default (open the one record; leave several and none to Salesforce).
 */
import type { CallFacts } from '../call/call-facts.ts';
import type { CampaignRecord } from '../config/config-types.ts';

/** One rule as `getSoftphoneLayout` gives it (a structural copy of the Open CTI type). */
export interface PopRule {
  readonly screenPopType: string;
  readonly screenPopData?: string;
}

/** The screen-pop settings of one call type. */
export interface PopRules {
  readonly NoMatch?: PopRule;
  readonly SingleMatch?: PopRule;
  readonly MultipleMatches?: PopRule;
}

/** What to do with the matches of a search. */
export type MatchAction =
  /** Open the record (single match) or let Salesforce apply the rule (several: its search page). */
  | 'open'
  /** The layout says "open nothing": link the record for the Task and the panel, navigate nowhere. */
  | 'nothing';

function hasRules(rules: PopRules | undefined): boolean {
  return rules !== undefined && (rules.NoMatch !== undefined || rules.SingleMatch !== undefined || rules.MultipleMatches !== undefined);
}

/** What a single match (or the one record the priority or the dialer's id picked) does. */
export function singleMatchAction(rules: PopRules | undefined): MatchAction {
  if (!hasRules(rules)) return 'open';
  return rules?.SingleMatch === undefined ? 'nothing' : 'open';
}

/** What several matches do: `open` hands them to Salesforce (the rule, e.g. its search page). */
export function multipleMatchesAction(rules: PopRules | undefined): MatchAction {
  if (!hasRules(rules)) return 'open';
  return rules?.MultipleMatches === undefined ? 'nothing' : 'open';
}

/** Whether several matches open Salesforce's search page (what the seed minimises the softphone for). */
export function opensSearchPage(rules: PopRules | undefined): boolean {
  return rules?.MultipleMatches?.screenPopType === 'PopToSearch';
}

/** Whether no match opens the new-record form (the other case the seed minimises for). */
export function opensNewRecord(rules: PopRules | undefined): boolean {
  return rules?.NoMatch?.screenPopType === 'PopToEntity' && (rules.NoMatch.screenPopData ?? '') !== '';
}

/**
 * The Neotel campaign of a call: the campaign it came through, else the outbound campaign the
 * agent is logged into; `null` when neither is known.
 */
export function campaignOfCall(call: CallFacts): number | null {
  return call.campaign ?? call.platformData?.outboundCampaign ?? null;
}

/**
 * `campaignEntityName`: `{ <campaignField>: <record id> }` for the Salesforce record that stands for
 * the call's Neotel campaign in `campaignRecords`; `{}` when off, or the campaign is not listed.
 */
export function campaignValues(call: CallFacts, crm: { readonly campaignEntityName: string | null; readonly campaignRecords: readonly CampaignRecord[]; readonly campaignField: string }): Record<string, string> {
  if (crm.campaignEntityName === null) return {};
  const campaign = campaignOfCall(call);
  const row = campaign === null ? undefined : crm.campaignRecords.find((r) => r.campaign === campaign);
  return row === undefined ? {} : { [crm.campaignField]: row.recordId };
}
