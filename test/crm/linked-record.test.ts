import { describe, expect, it } from 'vitest';
import { taskLookupOf } from '../../src/crm/linked-record.ts';

describe('taskLookupOf', () => {
  it('puts people in WhoId and everything else (Account, Opportunity, custom objects) in WhatId', () => {
    expect(taskLookupOf('Contact')).toBe('WhoId');
    expect(taskLookupOf('Lead')).toBe('WhoId');
    expect(taskLookupOf('Account')).toBe('WhatId');
    expect(taskLookupOf('Opportunity')).toBe('WhatId');
    expect(taskLookupOf('Case')).toBe('WhatId');
  });
});
