/** One factory for every React Query key, so invalidation after a mutation hits the right views. */
export const keys = {
  connection: () => ['connection'] as const,
  buckets: () => ['buckets'] as const,
  plan: () => ['provision', 'plan'] as const,
  tokenPlan: () => ['provision', 'tokens'] as const,
  lastVerify: () => ['verify', 'last'] as const,
  storage: (range: string) => ['storage', range] as const,
  stats: (bucket?: string) => (bucket ? (['stats', bucket] as const) : (['stats'] as const)),
  insights: (bucket?: string) => (bucket ? (['insights', bucket] as const) : (['insights'] as const)),
  measurement: (bucket: string, measurement: string, view: { tag: string | null; search: string; page: number }) =>
    ['measurement', bucket, measurement, view] as const,
};
