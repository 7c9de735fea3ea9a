import type { ExtendedFeature, ExtendedFeatureCollection } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-50m.json';

export type Country = ExtendedFeature<ExtendedFeature['geometry'], { name?: string }>;

let countries: Country[] | null = null;

/**
 * Natural Earth's 1:50m countries, bundled with the app through the world-atlas package: the map
 * needs no tiles and no network. Converted from TopoJSON once per server process.
 */
export function worldCountries(): Country[] {
  if (!countries) {
    const toGeoJson = feature as unknown as (
      topology: unknown,
      object: unknown,
    ) => ExtendedFeatureCollection<Country>;
    countries = toGeoJson(world, world.objects.countries).features;
  }
  return countries;
}
