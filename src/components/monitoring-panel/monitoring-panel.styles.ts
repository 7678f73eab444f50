import { css } from 'lit';

export const monitoringPanelStyles = css`
  fieldset {
    border: none;
    margin: 0 0 var(--dt-space-2);
    padding: 0;
  }
  legend {
    font-weight: 700;
    margin-bottom: var(--dt-space-1);
  }
  .modes {
    display: flex;
    gap: var(--dt-space-2);
  }
  .hint {
    margin: var(--dt-space-1) 0 0;
    color: var(--dt-text-weak);
  }
  .current {
    margin: 0 0 var(--dt-space-2);
    font-weight: 700;
  }
  .error {
    color: var(--dt-error);
  }
`;
