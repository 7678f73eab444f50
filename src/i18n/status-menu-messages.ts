/**
 * The text of the header's status menu (docs/agent-softphone.md, "Layout"), looked up by the
 * shell's locale like the other small catalogues, so adding it does not touch every language's
 * main catalogue.
 */
export interface StatusMenuMessages {
  /** The menu's name, and the tooltip of the status button that opens it. */
  readonly changeStatus: string;
  /** The group that holds "Ready" (back to work from a break). */
  readonly availability: string;
  /** The break group's title. */
  readonly breaks: string;
  /** The campaign group's title. */
  readonly campaigns: string;
  /** An item that is the agent's current status (read after its name). */
  readonly current: string;
}

const en: StatusMenuMessages = {
  changeStatus: 'Change status',
  availability: 'Availability',
  breaks: 'Take a break',
  campaigns: 'Outbound campaign',
  current: 'current',
};

const es: StatusMenuMessages = {
  changeStatus: 'Cambiar estado',
  availability: 'Disponibilidad',
  breaks: 'Tomar un descanso',
  campaigns: 'Campaña saliente',
  current: 'actual',
};

const pt: StatusMenuMessages = {
  changeStatus: 'Mudar status',
  availability: 'Disponibilidade',
  breaks: 'Fazer uma pausa',
  campaigns: 'Campanha de saída',
  current: 'atual',
};

/** The catalogues, by language (src/i18n/languages.ts). */
export const STATUS_MENU_MESSAGES = { en, es, pt } as const;

/** The catalogue for the shell's language (`Messages.attendant.locale`, e.g. `es-ES`). */
export function statusMenuMessages(locale: string): StatusMenuMessages {
  const lang = locale.slice(0, 2);
  return lang === 'es' ? es : lang === 'pt' ? pt : en;
}
