export { RANGES, isRange, type RangeKey } from '../model/storage';
