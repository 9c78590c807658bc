/**
 * The ten AI-5 aggregates as HomeIQ's PatternAggregateClient takes them (flat keyword
 * arguments). Which key is a tag and which a field, and each field's type, comes from the
 * spec (lib/spec/ai5.json), not from these types.
 */
type Json = unknown;

export interface TimeBasedDaily {
  date: string;
  entity_id: string;
  domain: string;
  hourly_distribution: number[];
  peak_hours: number[];
  frequency: number;
  confidence: number;
  occurrences: number;
}
export interface CoOccurrenceDaily {
  date: string;
  device_pair: string;
  co_occurrence_count: number;
  time_window_seconds: number;
  confidence: number;
  typical_hours: number[];
}
export interface SequenceDaily {
  date: string;
  sequence_id: string;
  sequence: string[];
  frequency: number;
  avg_duration_seconds: number;
  confidence: number;
}
export interface RoomBasedDaily {
  date: string;
  area_id: string;
  activity_level: number;
  device_usage: Record<string, Json>;
  transition_patterns: Record<string, Json>[];
  peak_activity_hours: number[];
}
export interface DurationDaily {
  date: string;
  entity_id: string;
  avg_duration_seconds: number;
  min_duration_seconds: number;
  max_duration_seconds: number;
  duration_variance: number;
  efficiency_score: number;
}
export interface AnomalyDaily {
  date: string;
  entity_id: string;
  anomaly_type: string;
  anomaly_score: number;
  baseline_deviation: number;
  occurrences: number;
  severity: string;
}
export interface SessionWeekly {
  week: string;
  session_type: string;
  avg_session_duration: number;
  session_count: number;
  typical_start_times: number[];
  devices_used: string[];
  confidence: number;
}
export interface DayTypeWeekly {
  week: string;
  day_type: 'weekday' | 'weekend';
  avg_events: number;
  typical_hours: number[];
  device_usage: Record<string, Json>;
  confidence: number;
}
export interface ContextualMonthly {
  month: string;
  weather_context: string;
  device_activity: Record<string, Json>;
  correlation_score: number;
  occurrences: number;
  confidence: number;
}
export interface SeasonalMonthly {
  month: string;
  season: string;
  seasonal_patterns: Record<string, Json>;
  trend_direction: 'increasing' | 'decreasing' | 'stable';
  confidence: number;
}

export interface AggregateRecords {
  time_based_daily: TimeBasedDaily;
  co_occurrence_daily: CoOccurrenceDaily;
  sequence_daily: SequenceDaily;
  room_based_daily: RoomBasedDaily;
  duration_daily: DurationDaily;
  anomaly_daily: AnomalyDaily;
  session_weekly: SessionWeekly;
  day_type_weekly: DayTypeWeekly;
  contextual_monthly: ContextualMonthly;
  seasonal_monthly: SeasonalMonthly;
}

export type AggregateName = keyof AggregateRecords;
