import { CONSOLE_METHODS } from './console-methods.ts';
import { LMS_METHODS } from './lms-methods.ts';
import type { MethodHandler } from './method-context.ts';
import { searchAndScreenPop, screenPop } from './pop-methods.ts';
import { runApexMethod, saveLog } from './record-methods.ts';

/** Every Open CTI method the host implements, by wire `methodName`. */
export const METHODS: Readonly<Record<string, MethodHandler>> = {
  ...CONSOLE_METHODS,
  ...LMS_METHODS,
  saveLog,
  runApex: runApexMethod,
  screenPop,
  searchAndScreenPop,
};
