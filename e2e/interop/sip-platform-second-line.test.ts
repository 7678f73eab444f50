/**
 * The `sip` platform's second line (issue 13) against a SIP world nobody here wrote
 * (./support/sip-platform-world.ts): blind transfer, consult and back, attended transfer and
 * the three-party conference, each proven from BOTH far ends — what the customer baresip and the
 * colleague baresip decoded (their recordings, Goertzel per 100 ms) — and from the agent's page.
 * Tones: agent 500 Hz, customer 700 Hz, colleague 1100 Hz.
 *
 * Needs kamailio, rtpengine-daemon and baresip-core (.ci/run installs them): fails, never skips.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRecording } from './support/recording.ts';
import { type AgentPage, dbNumber, levelBetween } from './support/sip-platform-agent.ts';
import { AGENT_HZ, agentComesToHear, agentHears, closed, COLLEAGUE_HZ, CUSTOMER_HZ, heardSince, sleep, startSipWorld, type SipWorld } from './support/sip-platform-world.ts';

/** A tone this far below full scale is not there (the tones are sent at about −6 to −12 dBFS). */
const ABSENT_DBFS = -50;
const PRESENT_DBFS = -35;

describe('the sip platform second line: transfers, consult and conference heard from every side', () => {
  let world: SipWorld;
  let agent: AgentPage;
  const numbers: Record<string, number | string> = {};
  const note = (what: string, value: number): void => {
    numbers[what] = dbNumber(value);
  };

  beforeAll(async () => {
    world = await startSipWorld(37000);
    agent = await world.openAgent('agent', 'rfc4733');
  });

  beforeEach(async () => {
    // Each test starts with no call, whatever the previous one left behind.
    const state = await agent.state();
    if (state.consult && state.consult.phase !== 'ended') await agent.run('cancelTransfer');
    if (state.main && state.main.phase !== 'ended') await agent.run('hangUp');
  });

  afterAll(async () => {
    await (world as SipWorld | undefined)?.stop('sip-platform-second-line');
    console.info('sip platform second line numbers:', JSON.stringify(numbers, undefined, 1));
  });

  /** Calls the customer and waits until the call is up. */
  const callCustomer = async (): Promise<void> => {
    await agent.must('call', 'customer');
    await agent.until('the call established', (s) => s.main?.phase === 'established');
  };

  /** After a transfer: the customer and the colleague hear each other (their newest recordings), and not the agent. */
  const expectTalkingToEachOther = async (transfer: string): Promise<void> => {
    const atColleague = readRecording(await world.colleague.decodedRecording());
    const atCustomer = readRecording(await world.customer.decodedRecording());
    const levels = {
      'colleague hears customer': levelBetween(atColleague, CUSTOMER_HZ, 0.3, -0.3),
      'customer hears colleague': levelBetween(atCustomer, COLLEAGUE_HZ, 0.3, -0.3),
      'colleague hears agent': levelBetween(atColleague, AGENT_HZ, 0.3, -0.3),
      'customer hears agent': levelBetween(atCustomer, AGENT_HZ, 0.3, -0.3),
    };
    for (const [what, value] of Object.entries(levels)) note(`${transfer}: ${what} dBFS`, value);
    expect(levels['colleague hears customer'], "the colleague's newest recording holds the customer's 700 Hz").toBeGreaterThan(PRESENT_DBFS);
    expect(levels['customer hears colleague'], "the customer's newest recording (its call to the colleague) holds the colleague's 1100 Hz").toBeGreaterThan(PRESENT_DBFS);
    expect(levels['colleague hears agent'], 'the agent is out of it').toBeLessThan(ABSENT_DBFS);
    expect(levels['customer hears agent'], 'the agent is out of it').toBeLessThan(ABSENT_DBFS);
  };

  it('blind-transfers the customer to the colleague with REFER; the two then hear each other, not the agent', async () => {
    const { customer, colleague, kamailio } = world;
    const [customerMark, colleagueMark, traceMark] = [customer.helper.lines().length, colleague.helper.lines().length, kamailio.trace().length];
    await callCustomer();
    await agent.must('transfer', 'colleague');
    const ended = await agent.until('the agent call to end transferred', (s) => s.lastEnd?.snapshot.sipCallId === s.main?.sipCallId && s.lastEnd?.reason === 'transferred');
    numbers['blind transfer progress'] = ended.transfer.join(' | ');
    expect(kamailio.trace().slice(traceMark).some((line) => line.includes(' req REFER ')), 'a REFER passed Kamailio').toBe(true);
    await sleep(2500); // customer ↔ colleague talk
    await customer.hangup();
    await closed(colleague, colleagueMark);
    await closed(customer, customerMark, 2);
    await expectTalkingToEachOther('blind');
  });

  it('consults the colleague, then cancels: the held customer hears nothing of the consult, then hears the agent again', async () => {
    const { customer, colleague } = world;
    const [customerMark, colleagueMark] = [customer.helper.lines().length, colleague.helper.lines().length];
    const customerFiles = await customer.recordingCount();
    await callCustomer();
    await agent.must('consult', 'colleague');
    await agent.until('the consult call up, the customer on hold', (s) => s.consult?.phase === 'established' && s.main?.onHold === true);
    note('consult: agent hears colleague SNR dB', await agentComesToHear(agent, COLLEAGUE_HZ, 'the agent to hear the colleague'));
    await sleep(1000); // the agent talks to the colleague: none of it may reach the held customer
    await agent.must('cancelTransfer');
    await closed(colleague, colleagueMark);
    await agent.until('the customer resumed', (s) => s.main?.phase === 'established' && !s.main.onHold);
    note('consult cancelled: agent hears customer SNR dB', await agentComesToHear(agent, CUSTOMER_HZ, 'the agent to hear the customer again'));
    await sleep(2000);
    await agent.must('hangUp');
    await closed(customer, customerMark);
    // baresip starts a new recording at the hold (./support/baresip.ts): the last one runs from
    // the hold through the consult to the resume and the hang-up.
    const files = (await customer.decodedSince(customerFiles)).map((bytes) => readRecording(bytes));
    const sinceHold = files.at(-1);
    if (!sinceHold) throw new Error('the customer baresip recorded nothing of the call');
    const held = levelBetween(sinceHold, AGENT_HZ, 0.2, 1.2);
    const back = levelBetween(sinceHold, AGENT_HZ, -1.5, -0.3);
    note('consult: held customer hears agent dBFS', held);
    note('consult cancelled: customer hears agent again dBFS', back);
    note('consult: customer recording since hold s', sinceHold.samples.length / sinceHold.sampleRate);
    expect(held, 'on hold during the consult the customer hears nothing of the agent').toBeLessThan(ABSENT_DBFS);
    expect(back, "after cancelTransfer() the customer's recording holds the agent's 500 Hz again").toBeGreaterThan(PRESENT_DBFS);
  });

  it('attended transfer: consult, then REFER with Replaces; the customer and the colleague then hear each other', async () => {
    const { customer, colleague, kamailio } = world;
    const [customerMark, colleagueMark, traceMark] = [customer.helper.lines().length, colleague.helper.lines().length, kamailio.trace().length];
    await callCustomer();
    await agent.must('consult', 'colleague');
    await agent.until('the consult call up', (s) => s.consult?.phase === 'established');
    await sleep(1000);
    await agent.must('completeTransfer');
    const state = await agent.until('both agent calls over', (s) => s.lastEnd?.reason === 'transferred' && s.consult?.phase === 'ended');
    numbers['attended transfer progress'] = state.transfer.slice(-2).join(' | ');
    const replaces = kamailio.trace().slice(traceMark).find((line) => line.includes(' req INVITE ') && line.includes('ruri=sip:colleague') && line.includes('proto=udp') && !line.includes('from=sip:agent'));
    expect(replaces, "the customer's own INVITE to the colleague passed Kamailio").toBeDefined();
    await sleep(2500);
    await customer.hangup();
    await closed(colleague, colleagueMark, 2);
    await closed(customer, customerMark, 2);
    await expectTalkingToEachOther('attended');
  });

  it('a three-party conference mixed in the browser: every party hears the other two, and nobody hears itself', async () => {
    const { customer, colleague } = world;
    const [customerMark, colleagueMark] = [customer.helper.lines().length, colleague.helper.lines().length];
    const [customerFiles, colleagueFiles] = [await customer.recordingCount(), await colleague.recordingCount()];
    await callCustomer();
    await agent.must('consult', 'colleague');
    await agent.until('the consult call up', (s) => s.consult?.phase === 'established');
    await agent.must('conference');
    await agent.until('in conference', (s) => s.inConference && s.main?.onHold === false);
    await sleep(3000);
    const agentCustomer = await agentHears(agent, CUSTOMER_HZ);
    const agentColleague = await agentHears(agent, COLLEAGUE_HZ);
    await agent.must('hangUp');
    await agent.must('cancelTransfer');
    await closed(customer, customerMark);
    await closed(colleague, colleagueMark);
    const atCustomer = await heardSince(customer, customerFiles);
    const atColleague = await heardSince(colleague, colleagueFiles);
    // The last 2.5 s before the agent hung up the customer: the conference.
    const heard = {
      'agent hears customer SNR dB': agentCustomer,
      'agent hears colleague SNR dB': agentColleague,
      'customer hears agent dBFS': levelBetween(atCustomer, AGENT_HZ, -2.5, -0.5),
      'customer hears colleague dBFS': levelBetween(atCustomer, COLLEAGUE_HZ, -2.5, -0.5),
      'customer hears itself dBFS': levelBetween(atCustomer, CUSTOMER_HZ, -2.5, -0.5),
      'colleague hears agent dBFS': levelBetween(atColleague, AGENT_HZ, -2.5, -0.5),
      'colleague hears customer dBFS': levelBetween(atColleague, CUSTOMER_HZ, -2.5, -0.5),
      'colleague hears itself dBFS': levelBetween(atColleague, COLLEAGUE_HZ, -2.5, -0.5),
    };
    for (const [what, value] of Object.entries(heard)) note(`conference: ${what}`, value);
    expect(agentCustomer, 'the agent hears the customer').toBeGreaterThan(30);
    expect(agentColleague, 'the agent hears the colleague').toBeGreaterThan(30);
    expect(heard['customer hears agent dBFS'], "the customer's recording holds the agent").toBeGreaterThan(PRESENT_DBFS);
    expect(heard['customer hears colleague dBFS'], "the customer's recording holds the colleague (only the browser's mix can give it)").toBeGreaterThan(PRESENT_DBFS);
    expect(heard['colleague hears agent dBFS'], "the colleague's recording holds the agent").toBeGreaterThan(PRESENT_DBFS);
    expect(heard['colleague hears customer dBFS'], "the colleague's recording holds the customer (only the browser's mix can give it)").toBeGreaterThan(PRESENT_DBFS);
    expect(heard['customer hears itself dBFS'], 'the mix sends nobody their own voice back').toBeLessThan(ABSENT_DBFS);
    expect(heard['colleague hears itself dBFS'], 'the mix sends nobody their own voice back').toBeLessThan(ABSENT_DBFS);
  });

  it('when the colleague leaves the conference, the customer is back with the agent alone (microphone restored, mix gone)', async () => {
    const { customer, colleague } = world;
    const [customerMark, colleagueMark] = [customer.helper.lines().length, colleague.helper.lines().length];
    const customerFiles = await customer.recordingCount();
    await callCustomer();
    await agent.must('consult', 'colleague');
    await agent.until('the consult call up', (s) => s.consult?.phase === 'established');
    await agent.must('conference');
    await agent.until('in conference', (s) => s.inConference);
    await sleep(1500);
    await colleague.hangup(); // the far end leaves: BYE on the consult line
    await closed(colleague, colleagueMark);
    await agent.until('the conference over, the customer up', (s) => !s.inConference && s.consult?.phase === 'ended' && s.main?.phase === 'established' && !s.main.onHold);
    note('after conference: agent hears customer SNR dB', await agentComesToHear(agent, CUSTOMER_HZ, 'the agent to hear the customer'));
    await sleep(2000);
    await agent.must('hangUp');
    await closed(customer, customerMark);
    const atCustomer = await heardSince(customer, customerFiles);
    const agentLevel = levelBetween(atCustomer, AGENT_HZ, -1.5, -0.3);
    const colleagueLevel = levelBetween(atCustomer, COLLEAGUE_HZ, -1.5, -0.3);
    note('after conference: customer hears agent dBFS', agentLevel);
    note('after conference: customer hears colleague dBFS', colleagueLevel);
    expect(agentLevel, "the customer's recording holds the agent's own microphone again").toBeGreaterThan(PRESENT_DBFS);
    expect(colleagueLevel, 'and no longer the colleague').toBeLessThan(ABSENT_DBFS);
  });
});
