import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseApex, readApexSources, securityProblems, untestedClasses, type ApexSource } from './apex-checks.ts';
import { APEX_DIR } from './contract.ts';
import { APEX_PARSE_BUDGET_MS } from '../support/budgets.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = readApexSources(APEX_DIR, ROOT);

function source(file: string, text: string): ApexSource {
  return { file, text };
}

// Whichever test parses first pays for filling the grammar's caches (3.6 s seen under load).
describe('apex/ sources', { timeout: APEX_PARSE_BUDGET_MS }, () => {
  it('holds the classes docs/apex.md describes', () => {
    expect(SOURCES.map((s) => s.file)).toEqual([
      'apex/force-app/main/default/classes/DialtoneTaskLog.cls',
      'apex/force-app/main/default/classes/DialtoneTaskLogTest.cls',
      'apex/force-app/main/default/classes/NeotelDataRetrieval.cls',
      'apex/force-app/main/default/classes/NeotelDataRetrievalTest.cls',
    ]);
  });

  // The first parse also warms the ANTLR parser up (~3 s alone, more on a busy 2-core machine): an explicit budget.
  it.each(SOURCES.map((s) => [s.file, s] as const))('%s parses with @apexdevtools/apex-parser', (_file, apex) => {
    expect(parseApex(apex).map(formatProblem)).toEqual([]);
  }, 30_000);

  it.each(SOURCES.map((s) => [s.file, s] as const))('%s follows the security rules', (_file, apex) => {
    expect(securityProblems(apex).map(formatProblem)).toEqual([]);
  });

  it('has a test class for every class', () => {
    expect(untestedClasses(SOURCES).map(formatProblem)).toEqual([]);
  });
});

describe('parseApex', { timeout: APEX_PARSE_BUDGET_MS }, () => {
  it('reports a syntax error as file:line:column with the parser\'s message', () => {
    const broken = source('apex/Broken.cls', 'public with sharing class Broken {\n  static void m( {\n  }\n}\n');
    const [first] = parseApex(broken).map(formatProblem);
    expect(first).toMatch(/^apex\/Broken\.cls:2:18 syntax error: mismatched input '\{' expecting /);
  });

  it('reports lexer errors too, and parses triggers as triggers', () => {
    expect(parseApex(source('apex/Bad.cls', "public with sharing class Bad { String s = 'a\\qb'; }")).length).toBeGreaterThan(0);
    expect(parseApex(source('apex/T.trigger', 'trigger T on Contact (before insert) { for (Contact c : Trigger.new) { c.Title = null; } }'))).toEqual([]);
    expect(parseApex(source('apex/T.trigger', 'trigger T on Contact (before insert { }')).map(formatProblem)[0]).toMatch(/^apex\/T\.trigger:1:\d+ syntax error: /);
  });
});

describe('securityProblems', () => {
  const messages = (text: string): string[] => securityProblems(source('apex/X.cls', text)).map(formatProblem);

  it('wants "with sharing" on the class', () => {
    expect(messages('public class X { }')).toEqual(['apex/X.cls:1:8 class X must be declared "with sharing" (found "public")']);
    expect(messages('global without sharing class X { }')[0]).toContain('must be declared "with sharing"');
    expect(messages('/* with sharing */ public with sharing class X { }')).toEqual([]);
  });

  it('refuses Database.query( with text concatenated from input, and Database.query( at all', () => {
    const injectable = [
      'global with sharing class X {',
      '  webService static String find(String name) {',
      "    return JSON.serialize(Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\''));",
      '  }',
      '}',
    ].join('\n');
    expect(messages(injectable)).toEqual([
      'apex/X.cls:3:27 Database.query( runs query text in system mode: use Database.queryWithBinds(soql, binds, AccessLevel.USER_MODE)',
    ]);
  });

  it('refuses a parameter in queryWithBinds text, directly or through the variable holding it, and a missing USER_MODE', () => {
    const direct = [
      'public with sharing class X {',
      '  public static List<SObject> find(String fieldName, String value) {',
      "    return Database.queryWithBinds('SELECT Id FROM Contact WHERE ' + fieldName + ' = :value', new Map<String, Object>{ 'value' => value }, AccessLevel.USER_MODE);",
      '  }',
      '}',
    ].join('\n');
    expect(messages(direct)).toEqual([
      'apex/X.cls:3:70 query text built from parameter "fieldName" of find: bind the value (:name in the query, the value in the binds map) and take names from Schema describe',
    ]);
    const throughVariable = [
      'global with sharing class X {',
      '  webService static String find(String objectName) {',
      "    String soql = 'SELECT Id FROM ';",
      '    soql += objectName;',
      '    return JSON.serialize(Database.queryWithBinds(soql, new Map<String, Object>(), AccessLevel.SYSTEM_MODE));',
      '  }',
      '}',
    ].join('\n');
    expect(messages(throughVariable)).toEqual([
      'apex/X.cls:5:27 Database.queryWithBinds( must pass AccessLevel.USER_MODE',
      'apex/X.cls:4:13 query text built from parameter "objectName" of find: bind the value (:name in the query, the value in the binds map) and take names from Schema describe',
    ]);
  });

  it('would catch NeotelDataRetrieval building its key search from the caller\'s fieldName', () => {
    const real = SOURCES.find((s) => s.file.endsWith('/NeotelDataRetrieval.cls'));
    if (!real) throw new Error('NeotelDataRetrieval.cls not found');
    const mutated = real.text.replace("' WHERE ' + keyDescribe.getName() + ' = :keyValue'", "' WHERE ' + fieldName + ' = :keyValue'");
    expect(mutated).not.toBe(real.text);
    expect(securityProblems(source(real.file, mutated)).map((p) => p.message)).toEqual([
      'query text built from parameter "fieldName" of findByKey: bind the value (:name in the query, the value in the binds map) and take names from Schema describe',
    ]);
  });

  it('wants WITH USER_MODE on inline SOQL, and accepts binds', () => {
    const inline = 'public with sharing class X { public static List<Task> f(String c) { return [SELECT Id FROM Task WHERE CallObject = :c]; } }';
    expect(messages(inline)).toEqual(['apex/X.cls:1:77 inline SOQL must say WITH USER_MODE so object and field permissions apply']);
    expect(messages(inline.replace(':c]', ':c WITH USER_MODE]'))).toEqual([]);
  });

  it('leaves test classes to their own devices except for sharing', () => {
    expect(messages("@IsTest private with sharing class XTest { static void t() { Database.query('SELECT Id FROM Account'); } }")).toEqual([]);
  });
});

describe('untestedClasses', () => {
  it('names a class no @IsTest class mentions', () => {
    const problems = untestedClasses([
      source('apex/A.cls', 'public with sharing class A { }'),
      source('apex/B.cls', 'public with sharing class B { }'),
      source('apex/ATest.cls', '@IsTest private with sharing class ATest { @IsTest static void t() { new A(); } }'),
    ]).map(formatProblem);
    expect(problems).toEqual(['apex/B.cls:1:27 class B has no test class: add an @IsTest class that calls it']);
  });
});
