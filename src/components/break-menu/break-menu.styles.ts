import { css } from 'lit';

export const breakMenuStyles = css`
  .current {
    margin: 0 0 var(--dt-space-2);
    font-weight: 700;
  }
`;
