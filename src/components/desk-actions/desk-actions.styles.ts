import { css } from 'lit';

export const deskActionsStyles = css`
  section + section {
    margin-top: var(--dt-space-3, 0.75rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-1, 0.25rem);
  }
  textarea {
    font: inherit;
    min-height: 4rem;
    resize: vertical;
  }
  .count {
    margin: 0;
    font-size: 0.75rem;
    color: var(--dt-text-weak);
  }
  .outcome {
    display: flex;
    gap: var(--dt-space-2);
    align-items: flex-start;
    margin: var(--dt-space-2) 0 0;
  }
  .outcome p {
    margin: 0;
    flex: 1;
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--dt-error);
  }
`;
