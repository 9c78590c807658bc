'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MeasurementDetail } from '../model/measurement-detail';
import { fetchResult } from './fetch-result';
import { measurementApiUrl, type MeasurementView } from './measurement-view';
import { keys } from './query-keys';

/** One measurement in detail; the previous view stays on screen while the next page or search loads. */
export function useMeasurementDetail(bucket: string, measurement: string, view: MeasurementView) {
  return useQuery({
    queryKey: keys.measurement(bucket, measurement, view),
    queryFn: () => fetchResult<MeasurementDetail>(measurementApiUrl(bucket, measurement, view)),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
