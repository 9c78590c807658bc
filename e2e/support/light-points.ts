import type { influxApi } from './influx-api';

type Api = ReturnType<typeof influxApi>;
const DAY = 86_400_000;

/** Two lights (kitchen, hall), one point each a day for three days from `base`: the bucket the delete and backup specs change. */
export async function writeTwoLights(api: Api, bucket: string, base: number): Promise<void> {
  await api.createBucket(bucket, (30 * DAY) / 1000);
  const lines = ['light.kitchen', 'light.hall'].flatMap((e) =>
    [0, 1, 2].map((d) => `time_based_daily,domain=light,entity_id=${e} frequency=1.5,occurrences=${d}i ${(base + d * DAY) * 1_000_000}`),
  );
  await api.write(bucket, lines);
}

/** The entity of each `frequency` point of a bucket, sorted, read straight from InfluxDB (not through the console). */
export async function lightEntities(api: Api, bucket: string): Promise<string[]> {
  const csv = await api.flux(
    `from(bucket: "${bucket}") |> range(start: 0) |> filter(fn: (r) => r._field == "frequency") |> keep(columns: ["entity_id", "_time"])`,
  );
  return csv
    .split('\n')
    .map((l) => l.trim().split(',').at(-1) ?? '')
    .filter((v) => v.startsWith('light.'))
    .sort();
}
