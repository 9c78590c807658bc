/** One step of long work, as a person follows it: what is being done, and how far it got. */
export interface ProgressStep {
  /** What is being done, in words ("Backing up: shards"): steps of one label belong together. */
  label: string;
  done: number;
  total: number;
}

/** Told of each step of long work (the CLI draws a bar per label). */
export type OnProgress = (step: ProgressStep) => void;
