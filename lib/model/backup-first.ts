/** The backup a destructive change took of its bucket first: what its result and audit row name. */
export interface BackupRef {
  id: string;
  dir: string;
  /** The bucket backed up. */
  bucket: string;
  /** The command that brings the backed-up bucket back, as a new bucket. */
  restore: string;
}

/** The name a restore suggests: the bucket's own name with `_restored` (InfluxDB's limit kept). */
export const restoredName = (bucket: string) => `${bucket.slice(0, 255 - '_restored'.length)}_restored`;

/** `homeiq-console backup restore ID --bucket B --as NEW`, quoted where a shell needs it. */
export function restoreCommand(id: string, bucket: string, as: string = restoredName(bucket)): string {
  const quote = (v: string) => (/^[\w.:@/-]+$/.test(v) ? v : `'${v.replaceAll("'", `'\\''`)}'`);
  return `homeiq-console backup restore ${id} --bucket ${quote(bucket)} --as ${quote(as)}`;
}

/** One sentence for a success message: which backup was taken, and how to get the data back. */
export function backupSentence(b: BackupRef): string {
  return `Backed up ${b.bucket} first as ${b.id} (${b.dir}); to get the data back as a new bucket: ${b.restore}`;
}
