import type { z } from 'zod';
import { consoleError, type ConsoleError } from '../../errors';
import { fieldErrors } from '../../model/bucket-input';

/** A zod failure as the console's error: one message for people, one per field for forms. */
export function invalidInput(error: z.ZodError): ConsoleError {
  const fields = fieldErrors(error);
  return { ...consoleError('invalid', Object.values(fields).join(' ')), fields };
}
