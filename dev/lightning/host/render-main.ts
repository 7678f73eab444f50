import type { RenderedModal, RenderedTable, RenderedValue, RenderedView } from '../views/rendered.ts';
import { h, replaceChildren } from './dom.ts';

/** What a person can do in the main area. */
export interface MainActions {
  navigate(path: string): void;
  clickToDial(recordId: string, field: string): void;
  saveNewRecord(values: Record<string, string>): void;
  cancelNewRecord(): void;
}

/**
 * Draws the main area: a record page (details and related lists), a list, search results, a
 * placeholder for URL and flow pops, and the new-record modal over it. All text goes in as text.
 */
export function renderMain(container: HTMLElement, view: RenderedView, clickToDialEnabled: boolean, actions: MainActions): void {
  const header = h(
    'header',
    { className: 'page-header', testId: 'page-header' },
    view.subtitle ? h('p', { className: 'page-header__object', testId: 'page-subtitle' }, view.subtitle) : null,
    h('h1', { className: 'page-header__title', testId: view.kind === 'record' ? 'record-title' : 'page-title' }, view.title),
  );
  const details =
    view.fields.length > 0
      ? h(
          'dl',
          { className: 'record-details', testId: 'record-details' },
          ...view.fields.flatMap((field) => [
            h('dt', {}, field.label),
            h('dd', { testId: `field-${field.apiName}` }, value(field.value, clickToDialEnabled, actions)),
          ]),
        )
      : null;
  const notice = view.notice ? h('p', { className: 'page-notice', testId: 'page-notice' }, view.notice) : null;
  // A page update (any Open CTI request re-renders the main area) must not wipe what the user is
  // typing into the same new-record modal, as it never would in Lightning.
  const typing = typedValues(container, view.modal);
  replaceChildren(
    container,
    h(
      'article',
      { className: `page page--${view.kind}`, testId: `view-${view.kind}`, dataset: { recordId: view.recordId ?? '' } },
      header,
      notice,
      details,
      ...view.tables.map((table) => renderTable(table, clickToDialEnabled, actions)),
    ),
    view.modal ? renderModal(view.modal, actions) : null,
  );
  for (const input of container.querySelectorAll<HTMLInputElement>('.modal input[name]')) {
    const kept = typing.get(input.name);
    if (kept !== undefined) input.value = kept;
  }
}

/** The values typed into the modal on screen, when the update shows the same modal (same object and defaults). */
function typedValues(container: HTMLElement, modal: RenderedModal | null | undefined): Map<string, string> {
  const values = new Map<string, string>();
  const shown = container.querySelector<HTMLElement>('.modal');
  if (!modal || shown?.dataset.modalKey !== modalKey(modal)) return values;
  for (const input of shown.querySelectorAll<HTMLInputElement>('input[name]')) values.set(input.name, input.value);
  return values;
}

function modalKey(modal: RenderedModal): string {
  return JSON.stringify([modal.entityName, modal.fields.map((f) => [f.apiName, f.value])]);
}

function renderTable(table: RenderedTable, clickToDialEnabled: boolean, actions: MainActions): HTMLElement {
  return h(
    'section',
    { className: 'related-list', testId: `table-${table.title}` },
    h('h2', {}, `${table.title} (${table.rows.length})`),
    table.rows.length === 0
      ? h('p', { className: 'related-list__empty' }, 'No items to display.')
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...table.columns.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
          h(
            'tbody',
            {},
            ...table.rows.map((row) => h('tr', { dataset: { recordId: row.recordId } }, ...row.cells.map((cell) => h('td', {}, value(cell, clickToDialEnabled, actions))))),
          ),
        ),
  );
}

/**
 * One value. A phone is a click-to-dial link while click-to-dial is enabled, and inert text
 * titled "Click to dial disabled" otherwise — what Lightning shows before the softphone calls
 * `enableClickToDial`.
 */
function value(v: RenderedValue, clickToDialEnabled: boolean, actions: MainActions): Node {
  switch (v.kind) {
    case 'phone': {
      const dataset = { recordId: v.recordId ?? '', field: v.field ?? '' };
      if (!clickToDialEnabled) {
        return h('a', { className: 'click-to-dial click-to-dial--disabled', attrs: { 'aria-disabled': 'true', title: 'Click to dial disabled' }, dataset }, v.text);
      }
      return h(
        'a',
        {
          className: 'click-to-dial',
          attrs: { href: '#', role: 'button', title: 'Click to dial' },
          dataset,
          onClick: (event) => {
            event.preventDefault();
            actions.clickToDial(v.recordId ?? '', v.field ?? '');
          },
        },
        v.text,
      );
    }
    case 'recordLink':
      return h(
        'a',
        {
          className: 'record-link',
          attrs: { href: `/lightning/r/sObject/${encodeURIComponent(v.recordId ?? '')}/view` },
          dataset: { recordId: v.recordId ?? '' },
          onClick: (event) => {
            event.preventDefault();
            actions.navigate(`/lightning/r/sObject/${encodeURIComponent(v.recordId ?? '')}/view`);
          },
        },
        v.text,
      );
    case 'email':
      return h('a', { attrs: { href: `mailto:${v.text}` } }, v.text);
    case 'text':
      return h('span', {}, v.text);
  }
}

function renderModal(modal: RenderedModal, actions: MainActions): HTMLElement {
  const form = h('form', { className: 'modal__form', attrs: { novalidate: '' } });
  form.append(
    ...modal.fields.map((field) => {
      const input = h('input', { attrs: { name: field.apiName, id: `new-${field.apiName}`, type: 'text' } });
      input.value = field.value;
      return h(
        'div',
        { className: 'modal__field' },
        h('label', { attrs: { for: `new-${field.apiName}` } }, field.required ? h('abbr', { attrs: { title: 'required' } }, '*') : null, field.label),
        input,
      );
    }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const input of form.querySelectorAll('input')) values[input.name] = input.value;
    actions.saveNewRecord(values);
  });
  return h(
    'div',
    { className: 'modal-backdrop' },
    h(
      'section',
      { className: 'modal', testId: 'new-record-modal', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-title' }, dataset: { entityName: modal.entityName, modalKey: modalKey(modal) } },
      h('h2', { attrs: { id: 'modal-title' } }, modal.title),
      modal.errors.length > 0 ? h('ul', { className: 'modal__errors', testId: 'modal-errors', attrs: { role: 'alert' } }, ...modal.errors.map((e) => h('li', {}, e))) : null,
      form,
      modal.ignoredDefaults.length > 0
        ? h('p', { className: 'modal__ignored', testId: 'modal-ignored' }, `Ignored default values (no such field): ${modal.ignoredDefaults.map((d) => `${d.name}=${d.value}`).join(', ')}`)
        : null,
      h(
        'footer',
        { className: 'modal__footer' },
        h('button', { testId: 'modal-cancel', attrs: { type: 'button' }, onClick: () => actions.cancelNewRecord() }, 'Cancel'),
        h('button', { className: 'brand', testId: 'modal-save', attrs: { type: 'button' }, onClick: () => form.requestSubmit() }, 'Save'),
      ),
    ),
  );
}
