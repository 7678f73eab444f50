import { css } from 'lit';

export const monitoringPanelStyles = css`
  .hint {
    margin: var(--dt-space-1) 0 0;
    color: var(--dt-text-weak);
  }
  .hint .mode {
    font-weight: 700;
    color: var(--dt-text);
  }
  .current {
    margin: 0 0 var(--dt-space-2);
    font-weight: 700;
  }
  .error {
    color: var(--dt-error);
  }
`;
