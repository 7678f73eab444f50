/**
 * The parts only a logged-in agent sees — the incoming card, the call controls, the dial pad, the
 * break menu, the campaign picker and the call information —, one chunk out of the start-up
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
