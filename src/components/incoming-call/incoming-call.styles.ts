import { css } from 'lit';

export const incomingCallStyles = css`
  .card {
    border-left: 4px solid var(--dt-brand);
  }
  /* The caller's name (record or platform): wraps rather than being cut (at 200 % zoom the card is 170 px wide). */
  .name {
    margin: 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .number {
    font-size: 1.25rem;
    font-weight: 700;
    margin: 0 0 var(--dt-space-1);
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--dt-space-3);
    margin: 0 0 var(--dt-space-2);
  }
  dt {
    color: var(--dt-text-weak);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .direction {
    margin: 0 0 var(--dt-space-1);
    color: var(--dt-text-weak);
  }
  .auto {
    margin: 0 0 var(--dt-space-2);
    font-style: italic;
  }
  /* Under the title, above everything that fills in late: the buttons never move while it rings. */
  /* Side by side, or one under the other when the card is narrower than two buttons (200 % zoom:
     Decline was pushed out of the panel's right edge). */
  .actions {
    margin: 0 0 var(--dt-space-2);
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 7rem), 1fr));
    gap: var(--dt-space-2);
  }
`;
