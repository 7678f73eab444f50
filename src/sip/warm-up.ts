/**
 * Runs sip.js's message parser once before the agent logs in (issue 18, docs/benchmarks.md,
 * "Boot"): the first REGISTER otherwise pays for it on the login's path. sip.js parses every SIP
 * message and URI with a PEG grammar whose functions V8 compiles and optimises on first use; in the
 * real page the first `UserAgent.makeURI` plus the parse of REGISTER's 200 OK took 60–130 ms of
 * main-thread time at load 5 (bench/boot-timeline.ts, CPU profile), between the login click and
 * the 200 being handled. Parsing a URI and a REGISTER answer of the same shape while the login
 * form waits moves that work off the path. Nothing is sent and nothing is kept.
 */
import { UserAgent } from 'sip.js';
import { LoggerFactory } from 'sip.js/lib/core/log/logger-factory.js';
import { Parser } from 'sip.js/lib/core/messages/parser.js';

/** A REGISTER 200 OK as a PBX answers it (the headers the login's answer carries). */
function registerAnswer(domain: string): string {
  return [
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/WSS warmup.invalid;branch=z9hG4bK000warm;received=127.0.0.1;rport=1',
    `To: <sip:warm-up@${domain}>;tag=warm-up-to`,
    `From: <sip:warm-up@${domain}>;tag=warm-up-from`,
    'Call-ID: warm-up-call-id',
    'CSeq: 1 REGISTER',
    'Contact: <sip:warmup@warmup.invalid;transport=ws>;expires=300',
    'Expires: 300',
    'Server: warm-up',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** Parses a URI and a REGISTER answer (twice: the second run is the optimised one); the domain only shapes the text. */
export function warmUpSipStack(domain = 'warm-up.invalid'): void {
  const loggers = new LoggerFactory();
  loggers.builtinEnabled = false;
  const logger = loggers.getLogger('dialtone.warm-up');
  for (let i = 0; i < 2; i++) {
    UserAgent.makeURI(`sip:warm-up@${domain}`);
    Parser.parseMessage(registerAnswer(domain), logger);
  }
}
