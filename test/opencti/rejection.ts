import { expect } from 'vitest';
import { OpenCtiError } from '../../src/opencti/errors.ts';

/** The `OpenCtiError` a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejectionOf(promise: Promise<unknown>): Promise<OpenCtiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenCtiError);
  return error as OpenCtiError;
}
