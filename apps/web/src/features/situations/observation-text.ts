import type { ObservationFieldsFragment } from '@/gql/graphql';

/** An observation with its number on the timeline, which its point on the map also carries. */
export type NumberedObservation = ObservationFieldsFragment & { number: number };

export function fatalitiesText(fatalities: number | null): string {
  if (fatalities === null) return 'Deaths not reported';
  if (fatalities === 0) return 'No deaths reported';
  return `${fatalities} ${fatalities === 1 ? 'death' : 'deaths'} reported`;
}

function degrees(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(2)}° ${value >= 0 ? positive : negative}`;
}

/** "1.45° N, 1.62° E". */
export function coordinatesText(latitude: number, longitude: number): string {
  return `${degrees(latitude, 'N', 'S')}, ${degrees(longitude, 'E', 'W')}`;
}

export function isLocated(
  observation: NumberedObservation,
): observation is NumberedObservation & { latitude: number; longitude: number } {
  return typeof observation.latitude === 'number' && typeof observation.longitude === 'number';
}
