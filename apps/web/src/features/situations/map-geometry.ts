import { type GeoPath, geoBounds, geoGraticule, geoMercator, geoPath } from 'd3-geo';
import { type Country, worldCountries } from './world-countries';

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 440;
/** The main map shows at least this many degrees across, so one point does not fill it. */
const MIN_SPAN = 1;
/** The locator map shows this many degrees around the same centre: enough land to know where one is. */
const LOCATOR_SPAN = 36;
export const LOCATOR_WIDTH = 150;
export const LOCATOR_HEIGHT = 110;
const POINT_SPREAD = 13;

export type MapPoint = {
  number: number;
  latitude: number;
  longitude: number;
  title: string;
  deaths: boolean;
};
export type PlacedPoint = MapPoint & { x: number; y: number };
export type MapShape = { key: string; name: string; d: string; label: { x: number; y: number } | null };
export type AxisTick = { value: number; text: string; position: number };

export type Locator = { countries: string[]; frame: { x: number; y: number; width: number; height: number } };

export type MapGeometry = {
  countries: MapShape[];
  locator: Locator;
  graticule: string;
  points: PlacedPoint[];
  ticks: { longitude: AxisTick[]; latitude: AxisTick[] };
  extent: { west: number; east: number; south: number; north: number };
};

const round = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

/** The area to show: the points' bounds, padded, and at least MIN_SPAN degrees either way. */
function viewBounds(points: readonly MapPoint[]) {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const [west, east, south, north] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const span = Math.max(MIN_SPAN, (east - west) * 1.3, (north - south) * 1.3);
  const [lon, lat] = [(west + east) / 2, (south + north) / 2];
  return around(lon, lat, span);
}

function around(lon: number, lat: number, span: number) {
  return {
    west: clamp(lon - span / 2, -180, 180),
    east: clamp(lon + span / 2, -180, 180),
    south: clamp(lat - span / 2, -80, 80),
    north: clamp(lat + span / 2, -80, 80),
  };
}

/** Points at one place are set around it in a small circle, so each number stays readable. */
function spread(points: PlacedPoint[]): PlacedPoint[] {
  const groups: PlacedPoint[][] = [];
  for (const point of points) {
    const group = groups.find((g) => Math.hypot(g[0].x - point.x, g[0].y - point.y) < POINT_SPREAD * 1.6);
    if (group) group.push(point);
    else groups.push([point]);
  }
  return groups.flatMap((group) =>
    group.length === 1
      ? group
      : group.map((point, i) => {
          const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
          return {
            ...point,
            x: round(group[0].x + POINT_SPREAD * Math.cos(angle)),
            y: round(group[0].y + POINT_SPREAD * Math.sin(angle)),
          };
        }),
  );
}

/** Multiples of `step` between two values: where the graticule's lines are labelled. */
function ticks(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to; v += step) values.push(v);
  return values;
}

function degrees(value: number, [positive, negative]: [string, string]): string {
  return value === 0 ? '0°' : `${Math.abs(value)}°${value > 0 ? positive : negative}`;
}

type Extent = { west: number; east: number; south: number; north: number };

/** The countries that reach into an extent, as paths of `path` (already clipped to its frame). */
function projectCountries(path: GeoPath, extent: Extent) {
  const shapes: { country: Country; key: string; d: string }[] = [];
  worldCountries().forEach((country, i) => {
    const [[cWest, cSouth], [cEast, cNorth]] = geoBounds(country);
    // Cheap rejection first; countries across the antimeridian have cWest > cEast and are kept.
    if (cWest <= cEast && (cEast < extent.west || cWest > extent.east)) return;
    if (cNorth < extent.south || cSouth > extent.north) return;
    const d = path(country);
    if (d) shapes.push({ country, key: String(country.id ?? i), d });
  });
  return shapes;
}

/** A small map of the wider region, with the main map's frame drawn on it. */
function locator(bounds: Extent, shown: Extent): Locator {
  const lon = (bounds.west + bounds.east) / 2;
  const lat = (bounds.south + bounds.north) / 2;
  const wide = around(lon, lat, LOCATOR_SPAN);
  const projection = geoMercator().fitExtent(
    [
      [0, 0],
      [LOCATOR_WIDTH, LOCATOR_HEIGHT],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [wide.west, wide.south],
        [wide.east, wide.north],
      ],
    },
  );
  projection.clipExtent([
    [0, 0],
    [LOCATOR_WIDTH, LOCATOR_HEIGHT],
  ]);
  const path = geoPath(projection);
  const [x0, y0] = projection([shown.west, shown.north]) ?? [0, 0];
  const [x1, y1] = projection([shown.east, shown.south]) ?? [0, 0];
  // However small the main map's area, its frame stays visible.
  const width = Math.max(6, x1 - x0);
  const height = Math.max(6, y1 - y0);
  return {
    countries: projectCountries(path, wide).map((shape) => shape.d),
    frame: {
      x: round((x0 + x1 - width) / 2),
      y: round((y0 + y1 - height) / 2),
      width: round(width),
      height: round(height),
    },
  };
}

/**
 * Projects the countries, a graticule and the observation points into an SVG of MAP_WIDTH ×
 * MAP_HEIGHT (Web Mercator, clipped to the view). Runs on the server; only paths reach the browser.
 */
export function mapGeometry(points: readonly MapPoint[]): MapGeometry {
  const bounds = viewBounds(points);
  const projection = geoMercator().fitExtent(
    [
      [24, 16],
      [MAP_WIDTH - 16, MAP_HEIGHT - 24],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [bounds.west, bounds.south],
        [bounds.east, bounds.north],
      ],
    },
  );
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, MAP_HEIGHT],
  ]);
  const path = geoPath(projection);
  // What the frame really shows is a little more than the bounds asked for, in one direction.
  const [west, north] = projection.invert?.([0, 0]) ?? [bounds.west, bounds.north];
  const [east, south] = projection.invert?.([MAP_WIDTH, MAP_HEIGHT]) ?? [bounds.east, bounds.south];

  const countries = projectCountries(path, { west, east, south, north }).map(({ country, key, d }) => {
    const [x, y] = path.centroid(country);
    const roomy = path.area(country) > 2500 && x > 40 && x < MAP_WIDTH - 40 && y > 24 && y < MAP_HEIGHT - 36;
    const name = country.properties?.name ?? '';
    return { key, name, d, label: roomy && name ? { x: round(x), y: round(y) } : null };
  });

  const span = Math.max(east - west, north - south);
  const step = span > 60 ? 20 : span > 30 ? 10 : span > 12 ? 5 : span > 5 ? 2 : span > 2 ? 1 : 0.5;
  const graticule = path(geoGraticule().step([step, step])()) ?? '';

  const placed = points.flatMap((point): PlacedPoint[] => {
    const xy = projection([point.longitude, point.latitude]);
    return xy ? [{ ...point, x: round(xy[0]), y: round(xy[1]) }] : [];
  });

  return {
    countries,
    locator: locator(bounds, { west, east, south, north }),
    graticule,
    points: spread(placed),
    ticks: {
      // Labels too near a corner would collide with the other axis's.
      longitude: ticks(west, east, step).flatMap((value) => {
        const position = round(projection([value, 0])?.[0] ?? 0);
        return position < 40 || position > MAP_WIDTH - 20
          ? []
          : [{ value, text: degrees(value, ['E', 'W']), position }];
      }),
      latitude: ticks(south, north, step).flatMap((value) => {
        const position = round(projection([0, value])?.[1] ?? 0);
        return position < 14 || position > MAP_HEIGHT - 24
          ? []
          : [{ value, text: degrees(value, ['N', 'S']), position }];
      }),
    },
    extent: { west, east, south, north },
  };
}
