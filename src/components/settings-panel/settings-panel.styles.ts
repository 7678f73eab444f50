import { css } from 'lit';

export const settingsPanelStyles = css`
  .row {
    margin-bottom: var(--dt-space-2);
  }
  .row > .field {
    flex: 1 1 5rem;
  }
  .row > p {
    flex: 1 1 100%;
    margin: 0;
  }
  .permission {
    margin-bottom: var(--dt-space-2);
  }
  .permission.denied {
    background: var(--dt-error-bg);
    border-radius: var(--dt-radius);
    padding: var(--dt-space-2);
  }
  .permission p {
    margin-bottom: var(--dt-space-1);
  }
  .forget {
    margin-top: var(--dt-space-2);
  }
`;
