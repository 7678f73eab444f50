import { css } from 'lit';

export const campaignPickerStyles = css`
  .current {
    margin: 0 0 var(--dt-space-2);
    font-weight: 700;
  }
`;
