'use client';

import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';
import type { PlanChangedSubscription } from '@/gql/graphql';
import { planChangedSubscription, presenceChangedSubscription } from './plan-editor.graphql';

export type LiveState = 'connecting' | 'live' | 'reconnecting';
export type PlanChange = PlanChangedSubscription['planChanged'];

type Handlers = {
  onPlanChange(change: PlanChange): void;
  onPresenceChange(): void;
  /**
   * The plan stream's last position is older than the API keeps changes for (the tab was away that
   * long): load the plan again and resolve to the change position read with it, or null if that failed.
   */
  onExpired(): Promise<string | null>;
};

/** Where a stream goes on from after its position expired; null: not yet, try again later. */
type Restart = () => Promise<{ after: string | null } | null>;

/** The API's answer to a resume from a position it no longer keeps changes after. */
function positionExpired(error: unknown): boolean {
  return (
    Array.isArray(error) &&
    error.some(
      (e: { extensions?: Record<string, unknown> }) =>
        e?.extensions?.field === 'after' && e.extensions.prunedThrough !== undefined,
    )
  );
}

const MAX_BACKOFF_MS = 15_000;

/**
 * Follows a plan's changes and presence over the API's own WebSocket (graphql-transport-ws; the
 * browser sends the session cookie, the API checks the page's origin). Each stream resumes after the
 * last position it saw, so a dropped connection replays what was missed instead of losing it.
 */
export function useLivePlan(
  wsUrl: string,
  planId: string,
  startAfter: string | null,
  handlers: Handlers,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(handlers);
  // Only the first position counts: later reloads of the plan must not restart the streams.
  const firstAfter = useRef(startAfter);

  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let closed = false;
    let client: Client | null = null;
    let failures = 0;
    const stops: (() => void)[] = [];
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const connect = () => {
      client = createClient({
        url: wsUrl,
        lazy: true,
        // Reconnection is done here, per stream, so that each resumes from its own last position.
        retryAttempts: 0,
        on: {
          connected: () => {
            failures = 0;
            setState('live');
          },
          closed: () => {
            if (!closed) setState('reconnecting');
          },
        },
      });
      follow(
        planChangedSubscription,
        firstAfter.current,
        (data) => {
          const change = (data as PlanChangedSubscription).planChanged;
          latest.current.onPlanChange(change);
          return change.position;
        },
        async () => {
          const after = await latest.current.onExpired();
          return after === null ? null : { after };
        },
      );
      follow(
        presenceChangedSubscription,
        null,
        (data) => {
          latest.current.onPresenceChange();
          return (data as { presenceChanged: { position: string } }).presenceChanged.position;
        },
        // Presence is read whole again; following it from now on is enough.
        async () => {
          latest.current.onPresenceChange();
          return { after: null };
        },
      );
    };

    function follow(
      document: Parameters<typeof print>[0],
      from: string | null,
      onData: (data: unknown) => string,
      restart: Restart,
    ) {
      let after = from;
      const run = () => {
        if (closed || !client) return;
        const stop = client.subscribe(
          { query: print(document), variables: { planId, after } },
          {
            next: (result) => {
              if (result.data) after = onData(result.data);
            },
            error: (error) => (positionExpired(error) ? void resume() : retry()),
            complete: () => retry(),
          },
        );
        stops.push(stop);
      };
      // Retrying the same position would be refused again: start over from what is loaded now.
      const resume = async () => {
        const next = await restart();
        if (closed) return;
        if (!next) return retry();
        after = next.after;
        run();
      };
      const retry = () => {
        if (closed) return;
        setState('reconnecting');
        failures += 1;
        const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(failures, 5));
        const timer = setTimeout(() => {
          timers.delete(timer);
          run();
        }, delay);
        timers.add(timer);
      };
      run();
    }

    connect();
    return () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      for (const stop of stops) stop();
      void client?.dispose();
    };
  }, [wsUrl, planId]);

  return state;
}
