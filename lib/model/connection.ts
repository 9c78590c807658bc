import type { ConsoleError } from './error';

/** The connection diagnosis, as the Overview shows it: safe for the browser (no token). */
export interface ConnectionStatus {
  url: string | null;
  org: string | null;
  orgID: string | null;
  version: string | null;
  health: 'pass' | 'fail' | null;
  healthMessage: string;
  ready: boolean | null;
  up: string;
  checkedAt: string;
  /** The first step that failed: which one it was follows from the fields still null. */
  error: ConsoleError | null;
}
