import { describe, expect, it } from 'vitest';
import { parseIceServers } from '../../src/config/ice-servers.ts';
import {
  MAX_LIST_ENTRIES,
  parseCategories,
  parseExternalNumbers,
  parseFieldMappings,
  parseNamedList,
  parseSearchPriority,
  parseUserIdList,
} from '../../src/config/list-parsers.ts';
import type { Parsed } from '../../src/config/value-parsers.ts';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.problem ?? parsed.expected}`);
  return parsed.value;
}

function problem(parsed: Parsed<unknown>): string {
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.problem ?? '';
}

describe('id=name lists', () => {
  const breaks = (text: string) => parseNamedList(text, 'neotel-id', '1=Descanso');

  it('reads ids and names, trimming around entries and skipping empty ones like the seed\'s trailing |', () => {
    expect(value(breaks(' 1 = Descanso | 12=Almuerzo de mediodía ||'))).toEqual([
      { id: 1, name: 'Descanso' },
      { id: 12, name: 'Almuerzo de mediodía' },
    ]);
  });

  it('keeps "=" inside a name and <script> as text', () => {
    expect(value(breaks('3=a=b|4=<script>alert(1)</script>'))).toEqual([
      { id: 3, name: 'a=b' },
      { id: 4, name: '<script>alert(1)</script>' },
    ]);
  });

  it.each([
    ['Descanso', 'has no "="'],
    ['x=Descanso', 'invalid id "x"'],
    ['0=Ninguno', 'invalid id "0"'],
    ['-1=Descanso', 'invalid id "-1"'],
    ['2147483648=Big', 'invalid id "2147483648"'],
    ['1.5=Half', 'invalid id "1.5"'],
    ['1=', 'empty name'],
    ['1=a|1=b', 'repeats the id 1'],
    [`1=${'n'.repeat(81)}`, 'longer than 80'],
    ['1=bell\u0007', 'control characters'],
  ])('refuses %j', (text, expected) => {
    expect(problem(breaks(text))).toContain(expected);
  });

  it('names the position of the bad entry', () => {
    expect(problem(breaks('1=a|2=b|oops'))).toBe('entry 3 "oops" has no "=" between id and name');
  });

  it('refuses more entries than the limit', () => {
    const many = Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, index) => `${index + 1}=n`).join('|');
    expect(problem(breaks(many))).toContain('201 entries');
  });

  it('takes Neotel user numbers as strings', () => {
    expect(value(parseNamedList('1148=Juan|agent.7=Eva', 'user-id', '1148=Juan'))).toEqual([
      { id: '1148', name: 'Juan' },
      { id: 'agent.7', name: 'Eva' },
    ]);
    expect(problem(parseNamedList('11 48=Juan', 'user-id', '1148=Juan'))).toContain('invalid id');
  });

  it('reads supervisor lists and refuses repeats or junk', () => {
    expect(value(parseUserIdList('1148| 1150 |'))).toEqual(['1148', '1150']);
    expect(problem(parseUserIdList('1148|1148'))).toContain('listed twice');
    expect(problem(parseUserIdList('1148,1150'))).toContain('not a Neotel user number');
  });
});

describe('searchTypePriority', () => {
  it('reads the objects in order, any case, into their canonical spelling', () => {
    expect(value(parseSearchPriority('contact|ACCOUNT|Lead|Opportunity|Company'))).toEqual(['Contact', 'Account', 'Lead', 'Opportunity', 'Company']);
  });

  it('refuses unknown objects and repeats', () => {
    expect(problem(parseSearchPriority('Contact|Case'))).toBe('entry 2 "Case" is not a searchable object');
    expect(problem(parseSearchPriority('Lead|lead'))).toContain('listed twice');
  });
});

describe('externalData / defaultNewRowData', () => {
  it('reads the seed\'s value, trailing | included', () => {
    expect(value(parseFieldMappings('neoContactId__c-contactId|neoBaseId__c-contactBaseId|neoCrmId__c-crmId|Phone-phoneNumber|'))).toEqual([
      { field: 'neoContactId__c', source: 'contactId' },
      { field: 'neoBaseId__c', source: 'contactBaseId' },
      { field: 'neoCrmId__c', source: 'crmId' },
      { field: 'Phone', source: 'phoneNumber' },
    ]);
  });

  it('accepts every Neotel key of the seed, any case, and the correct spelling of callCampaing', () => {
    const keys = 'callCampaing callDialer callId callQueue callReason phoneNumber contactBaseId campaignCrmId campaignBaseId userOutCampaign crmId contactId crmKey SearchBy SearchData'.split(' ');
    const mappings = value(parseFieldMappings(keys.map((key, index) => `F${index}__c-${key.toLowerCase()}`).join('|')));
    expect(mappings.map((mapping) => mapping.source)).toEqual(keys);
    expect(value(parseFieldMappings('Campaign__c-callCampaign'))).toEqual([{ field: 'Campaign__c', source: 'callCampaing' }]);
  });

  it.each([
    ['Phone', 'exactly one field name and one Neotel key'],
    ['Phone-phone-Number', 'exactly one field name and one Neotel key'],
    ['Phone-phone', 'unknown Neotel key "phone"'],
    ['Phone-constructor', 'unknown Neotel key "constructor"'],
    ['Bad Field-crmId', 'invalid field name "Bad Field"'],
    ['Phone-phoneNumber|Phone-crmKey', 'fills the field Phone a second time'],
  ])('refuses %j', (text, expected) => {
    expect(problem(parseFieldMappings(text))).toContain(expected);
  });
});

describe('categories', () => {
  it('reads categories with and without ids, and their sub-categories', () => {
    expect(value(parseCategories('1=Contactado: 26=Venta, 28=Agenda | No contactado: 27=No contesta,'))).toEqual([
      { id: 1, name: 'Contactado', subcategories: [{ id: 26, name: 'Venta' }, { id: 28, name: 'Agenda' }] },
      { id: null, name: 'No contactado', subcategories: [{ id: 27, name: 'No contesta' }] },
    ]);
  });

  it.each([
    ['Venta', 'has no ":"'],
    ['Ventas: Venta', 'that is not "id=name"'],
    ['Ventas: x=Venta', 'that is not "id=name"'],
    ['Ventas:', 'has no sub-categories'],
    ['x=Ventas: 1=Venta', 'has an invalid category id'],
    [': 1=Venta', 'has an empty category name'],
    ['Ventas: 1=Venta | Otros: 1=Otro', 'repeats the sub-category id 1'],
    ['1=A: 2=x | 1=B: 3=y', 'repeats the category id 1'],
    ['Ventas: 1=', 'has an empty name'],
    ['Ventas: 1=Venta: cerrada', 'has ":" in its name'],
  ])('refuses %j', (text, expected) => {
    expect(problem(parseCategories(text))).toContain(expected);
  });
});

describe('external numbers', () => {
  it('keeps dialable characters and uses the typed number as name when none is given', () => {
    expect(value(parseExternalNumbers('+54 (11) 5555-0000=Soporte | 0800.555.0101 | *12#=Lista'))).toEqual([
      { number: '+541155550000', name: 'Soporte' },
      { number: '08005550101', name: '0800.555.0101' },
      { number: '*12#', name: 'Lista' },
    ]);
  });

  it.each([
    ['tel:+541155550000', 'invalid number'],
    ['11+55', 'invalid number'],
    ['1'.repeat(21), 'invalid number'],
    ['5555=', 'empty name'],
    ['5555=a|55-55=b', 'repeats the number 5555'],
  ])('refuses %j', (text, expected) => {
    expect(problem(parseExternalNumbers(text))).toContain(expected);
  });
});

describe('iceServers', () => {
  it('reads STUN and TURN servers separated by |, commas or spaces, splitting off credentials', () => {
    expect(value(parseIceServers('stun:stun.example.com:3478 | turn:agent:s3cr%40t@turn.example.com:3478?transport=UDP, turns:a:b@10.0.0.9 STUNS:[::1]'))).toEqual([
      { urls: 'stun:stun.example.com:3478' },
      { urls: 'turn:turn.example.com:3478?transport=udp', username: 'agent', credential: 's3cr@t' },
      { urls: 'turns:10.0.0.9', username: 'a', credential: 'b' },
      { urls: 'stuns:[::1]' },
    ]);
  });

  it('reads an empty value as no servers', () => {
    expect(value(parseIceServers(' | '))).toEqual([]);
  });

  it.each([
    ['turn:turn.example.com', 'without user:password@'],
    ['turn:agent@turn.example.com', 'without user:password@'],
    ['stun:agent:pw@stun.example.com', 'STUN takes no credentials'],
    ['stun:stun.example.com?transport=udp', 'query other than'],
    ['turns:a:b@turn.example.com?transport=udp', 'turns: runs over tcp'],
    ['turn:a:b@turn.example.com?x=1', 'query other than'],
    ['turn://a:b@turn.example.com', 'must not have "//"'],
    ['http://turn.example.com', 'does not start with stun:'],
    ['stun:stun.example.com:70000', 'outside 1-65535'],
    ['stun:stun.example.com:0', 'outside 1-65535'],
    ['stun:bad_host', 'invalid host'],
    ['turn:a:%zz@turn.example.com', 'badly percent-encoded'],
  ])('refuses %j', (text, expected) => {
    expect(problem(parseIceServers(text))).toContain(expected);
  });

  it('never echoes the password of a refused entry', () => {
    expect(problem(parseIceServers('turn:agent:s3cret@bad_host'))).toBe('entry 1 "turn:***@bad_host" has an invalid host "bad_host"');
  });

  it('splits the password off at the last @, so an unencoded @ stays inside it and out of messages', () => {
    expect(value(parseIceServers('turn:agent:p@ss@turn.example.com'))).toEqual([{ urls: 'turn:turn.example.com', username: 'agent', credential: 'p@ss' }]);
    expect(problem(parseIceServers('turn:agent:p@ss@bad_host'))).not.toContain('ss@');
  });

  it('refuses more than ten servers', () => {
    expect(problem(parseIceServers(Array.from({ length: 11 }, (_, index) => `stun:s${index}.example.com`).join('|')))).toContain('11 servers');
  });
});
