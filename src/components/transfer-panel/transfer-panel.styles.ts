import { css } from 'lit';

export const transferPanelStyles = css`
  h3,
  h4 {
    margin: 0 0 var(--dt-space-2);
    font-weight: 700;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--dt-space-2);
    margin-bottom: var(--dt-space-2);
  }
  ul {
    list-style: none;
    margin: 0 0 var(--dt-space-2);
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: var(--dt-space-2);
    padding: var(--dt-space-1) 0;
  }
  .state {
    color: var(--dt-text-weak);
  }
`;
