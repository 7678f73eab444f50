/**
 * Answers of the listing methods (our `GetUsers`, `GetQueues`, …, evidence `dialtone`) and of
 * `ExecuteTaskNN`. Both answer JSON inside the `<string>`, like the task results real servers
 * return (`[{"Status":"true","Message":"…"}]`).
 */
import { faults } from './neo-fault.ts';
import { isFreeForWork } from './sessions.ts';
import type { World } from './world.ts';

/** `GetUsers(USUARIO)`: every user with their position and a coarse state. */
export function listUsers(world: World, user: string): string {
  world.requireSession(user);
  return JSON.stringify(
    world.scenario.users.map((u) => {
      const session = world.sessions.get(u.id);
      const state = !session ? 'NotLogged' : session.call ? 'InCall' : session.breakSubtype !== 0 ? 'Break' : isFreeForWork(world, session) ? 'Available' : 'Busy';
      return { Id: u.id, Nombre: u.name, Perfil: u.role === 'supervisor' ? 'Supervisor' : 'Agente', Dispositivo: session?.device ?? '', Estado: state, Descanso: session?.breakSubtype ?? 0, Campana: session?.campaign?.id ?? 0, Llamada: session?.call?.id ?? '0' };
    }),
  );
}

/** `GetQueues(USUARIO)`. */
export function listQueues(world: World, user: string): string {
  world.requireSession(user);
  const waiting = (id: number): number => [...world.calls.values()].filter((c) => c.queue === id && c.phase === 'queued').length;
  return JSON.stringify(world.scenario.queues.map((q) => ({ Id: q.id, Nombre: q.name, Campana: q.campaign, EnEspera: waiting(q.id) })));
}

/** `GetCampaigns(USUARIO)`. */
export function listCampaigns(world: World, user: string): string {
  world.requireSession(user);
  const types = { inbound: 'Entrante', outbound: 'Saliente', both: 'Ambas' } as const;
  return JSON.stringify(
    world.scenario.campaigns.map((c) => ({
      Id: c.id,
      Nombre: c.name,
      Tipo: types[c.type],
      Discador: c.dialer,
      Crm: c.crm,
      Base: c.base,
      Transferencias: c.transfers.map((t, index) => ({ Indice: index + 1, Numero: t.number, Nombre: t.name })),
    })),
  );
}

/** `GetBreakTypes(USUARIO)`. */
export function listBreakTypes(world: World, user: string): string {
  world.requireSession(user);
  return JSON.stringify(world.scenario.breaks.map((b) => ({ Id: b.id, Nombre: b.name })));
}

/** `GetSubcategories(USUARIO)`: categories with their sub-categories. */
export function listSubcategories(world: World, user: string): string {
  world.requireSession(user);
  return JSON.stringify(
    world.scenario.categories.map((c) => ({
      Id: c.id,
      Nombre: c.name,
      Subcategorias: c.subcategories.map((s) => ({ Id: s.id, Nombre: s.name, Cierra: s.closes, Rellamar: s.redial, Agenda: s.autoRecallMinutes !== undefined })),
    })),
  );
}

/**
 * `ExecuteTaskNN(idTask, param1…paramNN)`: the task's result template with `{{idTask}}` and
 * `{{paramN}}` replaced by the values, JSON-escaped (the templates are JSON). Unused placeholders
 * become empty.
 */
export function executeTask(world: World, taskId: number, params: readonly string[]): string {
  const task = world.tasks.get(taskId);
  if (!task) throw faults.taskNotFound(taskId);
  const escape = (value: string): string => JSON.stringify(value).slice(1, -1);
  return task.result.replace(/\{\{\s*(idTask|param(\d+))\s*\}\}/g, (_match, name: string, index: string | undefined) =>
    name === 'idTask' ? String(taskId) : escape(params[Number(index) - 1] ?? ''),
  );
}
