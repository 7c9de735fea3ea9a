'use client';

import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { ActorLinkFragment, PartnerEdgeFieldsFragment } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { formatDate, isLocalDate } from '@/lib/format/dates';
import { actorPartnersQuery } from './actors.graphql';
import { PartnerDetails } from './partner-details';
import { PartnerGraph } from './partner-graph.client';
import { type GraphLayout, layoutPartnerGraph } from './partner-graph-layout';
import { PartnerLegend } from './partner-legend';
import { PartnerTable } from './partner-table';
import styles from './partners.module.css';

export type PartnersView = {
  asOf: string | null;
  edges: PartnerEdgeFieldsFragment[];
  totalCount: number;
  layout: GraphLayout;
};

const DEBOUNCE_MS = 350;

function summary({ asOf, edges, totalCount }: PartnersView): string {
  const partners = new Set(edges.map((edge) => edge.node.id)).size;
  const noun = totalCount === 1 ? 'partnership' : 'partnerships';
  const withWhom = `with ${partners} ${partners === 1 ? 'partner' : 'partners'}`;
  const when = asOf ? `valid on ${formatDate(asOf)}` : 'of any date';
  const shown = edges.length < totalCount ? ` (the first ${edges.length} shown)` : '';
  return `${totalCount} ${noun} ${withWhom}, ${when}${shown}.`;
}

/** Keeps `?asOf=` in the address without a server round trip, so the view can be shared. */
function writeAsOfToUrl(asOf: string | null) {
  const url = new URL(window.location.href);
  if (asOf) url.searchParams.set('asOf', asOf);
  else url.searchParams.delete('asOf');
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The actor's partnerships as a graph and a table, "as of" a date. The first view comes from the
 * server; a new date is fetched here, and an answer that arrives after a newer request is dropped.
 */
export function PartnersSection({ centre, initial }: { centre: ActorLinkFragment; initial: PartnersView }) {
  const client = useApolloClient();
  const [input, setInput] = useState(initial.asOf ?? '');
  const [view, setView] = useState(initial);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const shownAsOf = useRef(initial.asOf);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the "Try again" trigger.
  useEffect(() => {
    const asOf = input === '' ? null : input;
    if (asOf !== null && !isLocalDate(asOf)) return;
    // Any newer input makes older answers stale, even one that needs no request.
    const request = ++latest.current;
    if (asOf === shownAsOf.current) {
      setLoading(false);
      return;
    }
    const timer = setTimeout(async () => {
      setLoading(true);
      setError(null);
      try {
        const { data } = await client.query({
          query: actorPartnersQuery,
          variables: { id: centre.id, asOf },
          fetchPolicy: 'network-only',
        });
        if (request !== latest.current) return;
        if (!data?.actor) throw new Error('The actor is no longer there.');
        const edges = data.actor.partners.edges;
        shownAsOf.current = asOf;
        setView({
          asOf,
          edges,
          totalCount: data.actor.partners.totalCount,
          layout: layoutPartnerGraph(centre, edges),
        });
        setActiveId(null);
        writeAsOfToUrl(asOf);
      } catch (caught) {
        if (request !== latest.current) return;
        setError(`The partnerships could not be loaded. ${errorMessage(caught)}`);
      } finally {
        if (request === latest.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input, attempt, client, centre]);

  const activeNode = view.layout.nodes.find((node) => !node.isCentre && node.id === activeId) ?? null;

  return (
    <section className={styles.section} aria-labelledby="partners-heading">
      <h2 id="partners-heading" className={styles.heading}>
        Partnerships
      </h2>
      <div className={styles.toolbar}>
        <div>
          <label htmlFor="partners-as-of">As of</label>
          <div className={styles.asOfRow}>
            <input
              id="partners-as-of"
              type="date"
              value={input}
              min="1900-01-01"
              max="2100-12-31"
              aria-describedby="partners-as-of-hint"
              onChange={(event) => setInput(event.target.value)}
            />
            <button type="button" className="button" onClick={() => setInput('')} disabled={input === ''}>
              Any date
            </button>
          </div>
        </div>
        <p id="partners-as-of-hint" className={styles.toolbarHint}>
          Only the partnerships valid on that date are shown; with no date, those of every date.
        </p>
      </div>

      <p className={styles.summary} role="status" aria-live="polite">
        {loading
          ? `Loading the partnerships${input ? ` valid on ${formatDate(input)}` : ''}…`
          : summary(view)}
      </p>
      {error && (
        <div className={styles.error} role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}

      {view.edges.length === 0 ? (
        <p className={styles.empty}>
          {view.asOf
            ? `${centre.name} had no recorded partnership on ${formatDate(view.asOf)}.`
            : `${centre.name} has no recorded partnership.`}
        </p>
      ) : (
        <>
          <div className={styles.graphArea} aria-busy={loading}>
            <div className={loading ? `${styles.graphBox} ${styles.pending}` : styles.graphBox}>
              <PartnerGraph
                centre={centre}
                layout={view.layout}
                activeId={activeId}
                onActivate={setActiveId}
              />
            </div>
            <PartnerDetails centre={centre} node={activeNode} />
          </div>
          <PartnerLegend kinds={view.edges.map((edge) => edge.partnership.kind)} />
          <details className={styles.tableToggle}>
            <summary>Show the partnerships as a table ({view.edges.length})</summary>
            <PartnerTable centre={centre} edges={view.edges} />
          </details>
        </>
      )}
    </section>
  );
}
