'use server';

import { adminAction } from '../auth/guard';
import { loadSampleData as run } from '../use-cases/load-sample-data';

/** The Overview's button: the default sample, and only while the buckets hold no data. */
export const loadSampleData = adminAction((_input: void, actor) => run(actor, { onlyIntoEmpty: true }));
