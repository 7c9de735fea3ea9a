import { formatDate } from '@/lib/format/dates';
import {
  LOCATOR_HEIGHT,
  LOCATOR_WIDTH,
  MAP_HEIGHT,
  MAP_WIDTH,
  type MapPoint,
  mapGeometry,
} from './map-geometry';
import { coordinatesText, isLocated, type NumberedObservation } from './observation-text';
import styles from './observations.module.css';

const EDGE = 6;

/**
 * Where the observations happened, drawn on the server from bundled country shapes: no tiles,
 * no network. The numbered points match the timeline, and the same points follow as a text list.
 */
export function ObservationMap({ observations }: { observations: readonly NumberedObservation[] }) {
  const located = observations.filter(isLocated);
  if (located.length === 0) {
    return (
      <p className={styles.empty}>None of these observations has a location, so there is nothing to map.</p>
    );
  }
  const points: MapPoint[] = located.map((o) => ({
    number: o.number,
    latitude: o.latitude,
    longitude: o.longitude,
    title: o.title,
    deaths: (o.fatalities ?? 0) > 0,
  }));
  const map = mapGeometry(points);
  const { west, east, south, north } = map.extent;
  const area = `${coordinatesText(south, west)} to ${coordinatesText(north, east)}`;

  return (
    <figure className={styles.mapFigure}>
      <svg
        className={styles.map}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby="observation-map-title observation-map-desc"
      >
        <title id="observation-map-title">Map of the observations</title>
        <desc id="observation-map-desc">
          {`${located.length} numbered points in the area from ${area}. The same points are listed as text below the map.`}
        </desc>
        <rect className={styles.sea} width={MAP_WIDTH} height={MAP_HEIGHT} />
        <path className={styles.graticule} d={map.graticule} />
        {map.countries.map((country) => (
          <path key={country.key} className={styles.land} d={country.d} />
        ))}
        {map.countries.map(
          (country) =>
            country.label && (
              <text key={country.key} className={styles.countryLabel} x={country.label.x} y={country.label.y}>
                {country.name}
              </text>
            ),
        )}
        {map.ticks.longitude.map((tick) => (
          <text
            key={`lon${tick.value}`}
            className={styles.tick}
            x={tick.position}
            y={MAP_HEIGHT - EDGE}
            textAnchor="middle"
          >
            {tick.text}
          </text>
        ))}
        {map.ticks.latitude.map((tick) => (
          <text
            key={`lat${tick.value}`}
            className={styles.tick}
            x={EDGE}
            y={tick.position}
            dominantBaseline="central"
          >
            {tick.text}
          </text>
        ))}
        <g transform={`translate(${MAP_WIDTH - LOCATOR_WIDTH - 10} 10)`}>
          <rect className={styles.sea} width={LOCATOR_WIDTH} height={LOCATOR_HEIGHT} />
          {map.locator.countries.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the shapes are drawn once, in a fixed order.
            <path key={i} className={styles.land} d={d} />
          ))}
          <rect className={styles.locatorFrame} {...map.locator.frame} />
          <rect className={styles.locatorBorder} width={LOCATOR_WIDTH} height={LOCATOR_HEIGHT} />
        </g>
        {map.points.map((point) => (
          <g key={point.number} className={point.deaths ? styles.pointDeaths : styles.point}>
            <title>{`${point.number}. ${point.title}`}</title>
            <circle cx={point.x} cy={point.y} r={11} />
            <text x={point.x} y={point.y}>
              {point.number}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className={styles.mapCaption}>
        <ul className={styles.mapLegend}>
          <li>
            <span className={styles.legendDeaths} aria-hidden="true" /> Deaths reported
          </li>
          <li>
            <span className={styles.legendPoint} aria-hidden="true" /> No deaths, or none reported
          </li>
          <li>
            <span className={styles.legendFrame} aria-hidden="true" /> Inset: the wider region, with the
            mapped area outlined
          </li>
        </ul>
        <h3 className={styles.pointsHeading}>Mapped points</h3>
        <ol className={styles.points}>
          {located.map((o) => (
            <li key={o.id} value={o.number}>
              <span className={styles.pointPlace}>{o.locationName ?? 'Unnamed place'}</span>,{' '}
              {coordinatesText(o.latitude, o.longitude)}, {formatDate(o.occurredOn)}: {o.title}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
