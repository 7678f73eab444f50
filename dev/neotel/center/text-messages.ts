/**
 * `SendTextMessage(USUARIO, TELEFONO, MENSAJE, CANAL)`: the simulated messaging gateway
 * (docs/text-messages.md). No public document names Neotel's method, so this is Dialtone's
 * contract (evidence `dialtone`); a deployment renames it with `neoApiMethods`. The simulator
 * checks what a gateway would refuse and keeps every accepted message for the control API.
 */
import { NeoFault } from './neo-fault.ts';
import type { World } from './world.ts';

/** One message the gateway accepted. */
export interface SentTextMessage {
  readonly id: string;
  readonly user: string;
  readonly phone: string;
  readonly channel: 'SMS' | 'WHATSAPP';
  readonly text: string;
  readonly at: string;
}

/** A gateway's limits: 10 concatenated GSM segments for SMS, WhatsApp's 4096 characters. */
const MAX_LENGTH = { SMS: 1530, WHATSAPP: 4096 } as const;

const sent = new WeakMap<World, SentTextMessage[]>();

/** Every message accepted in this world, oldest first. */
export function sentTextMessages(world: World): readonly SentTextMessage[] {
  return sent.get(world) ?? [];
}

/** Sends one message for logged-in `user`; answers the message id. */
export function sendTextMessage(world: World, user: string, phone: string, text: string, channel: string): string {
  world.requireSession(user);
  const canal = channel.trim().toUpperCase();
  if (canal !== 'SMS' && canal !== 'WHATSAPP') throw new NeoFault(`Invalid channel ${channel}; expected SMS or WHATSAPP`);
  if (!/^\+?[0-9]{6,15}$/.test(phone)) throw new NeoFault(`Invalid phone number ${phone}`);
  if (text.trim() === '') throw new NeoFault('Empty message');
  const length = Array.from(text).length;
  if (length > MAX_LENGTH[canal]) throw new NeoFault(`Message too long for ${canal}: ${length} characters, at most ${MAX_LENGTH[canal]}`);
  const list = sent.get(world) ?? [];
  sent.set(world, list);
  const message: SentTextMessage = { id: `MSG${String(list.length + 1).padStart(6, '0')}`, user, phone, channel: canal, text, at: new Date().toISOString() };
  list.push(message);
  return message.id;
}
