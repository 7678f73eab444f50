/**
 * The parts only a logged-in agent sees — the incoming card, the call controls, the dial pad, the
 * break menu, the campaign picker, the call information and the supervisor's monitored
 * indicator — and the header's status timer (`<dialtone-elapsed>`, drawn by the status menu and
 * upgraded in place when this chunk arrives), one chunk out of the start-up
 * bundle (issue 18, "Size"). `lazyParts` (./agent-body.ts) fetches it with the other panels once
 * the phone is registered: an INVITE reaches a registered phone only, and the login that shows
 * these parts follows REGISTER 200, so the chunk is in before the first card or control is drawn.
 */
import '../break-menu/break-menu.ts';
import '../call-controls/call-controls.ts';
import '../call-info/call-info.ts';
import '../campaign-picker/campaign-picker.ts';
import '../dial-pad/dial-pad.ts';
import '../incoming-call/incoming-call.ts';
import '../monitored-indicator/monitored-indicator.ts';
import '../shared/elapsed-time.ts';
