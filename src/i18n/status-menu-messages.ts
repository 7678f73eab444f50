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
  /**
   * The time in this status, shown in whole minutes (`12 min`, `1 h 05 min`; `<1 min` in the
   * first minute): the status timer changes once a minute, not once a second (docs/benchmarks.md,
   * "Eleventh pass (c)").
   */
  readonly minutesInStatus: (minutes: number) => string;
  /** The status timer's tooltip: when this status began, as the clock on the wall reads it (`19:04`). */
  readonly inStatusSince: (time: string) => string;
}

/** `12 min`, `1 h 05 min`, `<1 min`: the unit symbols read the same in en, es and pt. */
const minutes = (total: number): string => {
  if (total < 1) return '<1 min';
  if (total < 60) return `${total} min`;
  return `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')} min`;
};

const en: StatusMenuMessages = {
  changeStatus: 'Change status',
  availability: 'Availability',
  breaks: 'Take a break',
  campaigns: 'Outbound campaign',
  current: 'current',
  minutesInStatus: minutes,
  inStatusSince: (time) => `In this status since ${time}`,
};

const es: StatusMenuMessages = {
  changeStatus: 'Cambiar estado',
  availability: 'Disponibilidad',
  breaks: 'Tomar un descanso',
  campaigns: 'Campaña saliente',
  current: 'actual',
  minutesInStatus: minutes,
  inStatusSince: (time) => `En este estado desde las ${time}`,
};

const pt: StatusMenuMessages = {
  changeStatus: 'Mudar status',
  availability: 'Disponibilidade',
  breaks: 'Fazer uma pausa',
  campaigns: 'Campanha de saída',
  current: 'atual',
  minutesInStatus: minutes,
  inStatusSince: (time) => `Neste status desde ${time}`,
};

/** The catalogues, by language (src/i18n/languages.ts). */
export const STATUS_MENU_MESSAGES = { en, es, pt } as const;

/** The catalogue for the shell's language (`Messages.attendant.locale`, e.g. `es-ES`). */
export function statusMenuMessages(locale: string): StatusMenuMessages {
  const lang = locale.slice(0, 2);
  return lang === 'es' ? es : lang === 'pt' ? pt : en;
}
