import { css } from 'lit';

export const loginFormStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  button[type='submit'] {
    margin-top: var(--dt-space-2);
  }
  .pending:empty {
    display: none;
  }
`;
