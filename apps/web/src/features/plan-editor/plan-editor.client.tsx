'use client';

import { useApolloClient } from '@apollo/client/react';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanEditorQuery } from '@/gql/graphql';
import { errorMessage } from '@/lib/apollo/error-message';
import { EditorContext, type EditorContextValue } from './editor-context';
import { HistoryPanel } from './history-panel.client';
import { planEditorQuery, planPresenceQuery } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import type { PresenceEntry } from './plan-editor.types';
import { PlanHeader } from './plan-header.client';
import { PlanStructure } from './plan-structure.client';
import { PresenceList } from './presence-list';
import { TaskBoard } from './task-board.client';
import { TaskList } from './task-list.client';
import { useLivePlan } from './use-live-plan';
import { usePresence } from './use-presence';

type Props = {
  planId: string;
  initial: PlanEditorQuery;
  wsUrl: string;
  /** Only the lead organisation changes who may read the plan. */
  mayClassify: boolean;
};

const TABS = [
  { key: 'plan', label: 'Plan and tasks' },
  { key: 'board', label: 'Task board' },
  { key: 'history', label: 'History' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const LIVE_WORDS = {
  connecting: 'Connecting to live updates…',
  live: 'Live: changes by others appear here',
  reconnecting: 'Live updates interrupted; reconnecting…',
};

/** The response plan editor: header, structure, tasks, board and history, kept live. */
export function PlanEditor({ planId, initial, wsUrl, mayClassify }: Props) {
  const client = useApolloClient();
  const [data, setData] = useState(initial);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [focus, setFocus] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('plan');
  const [announcement, setAnnouncement] = useState('');
  const [revision, setRevision] = useState(0);
  const latestReload = useRef(0);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});

  /** Loads the plan again; resolves to the change position read with it, or null when it failed. */
  const reload = useCallback(async (): Promise<string | null> => {
    const mine = ++latestReload.current;
    try {
      const { data: next } = await client.query({
        query: planEditorQuery,
        variables: { id: planId },
        fetchPolicy: 'network-only',
      });
      if (!next) return null;
      // Answers may cross; only the newest request's answer is shown.
      if (mine === latestReload.current) {
        setData(next);
        setRevision((r) => r + 1);
      }
      return next.changePosition;
    } catch (error) {
      setAnnouncement(`The plan could not be reloaded. ${errorMessage(error)}`);
      return null;
    }
  }, [client, planId]);

  const reloadPresence = useCallback(async () => {
    try {
      const { data: next } = await client.query({
        query: planPresenceQuery,
        variables: { id: planId },
        fetchPolicy: 'network-only',
      });
      if (next) setPresence(next.responsePlan.presence);
    } catch {
      // Presence is a courtesy; the next change or heartbeat brings it back.
    }
  }, [client, planId]);

  // Bursts of changes (a drag, a batch of assignments) cause one reload, not one each.
  const soon = useCallback((key: string, run: () => void) => {
    clearTimeout(timers.current[key]);
    timers.current[key] = setTimeout(run, 250);
  }, []);

  usePresence(planId, focus);
  const live = useLivePlan(wsUrl, planId, initial.changePosition, {
    onPlanChange: () => soon('plan', () => void reload()),
    onPresenceChange: () => soon('presence', () => void reloadPresence()),
    onExpired: reload,
  });
  useEffect(() => {
    void reloadPresence();
    const pending = timers.current;
    return () => Object.values(pending).forEach(clearTimeout);
  }, [reloadPresence]);

  const context = useMemo<EditorContextValue>(
    () => ({ planId, reload, setFocus, announce: setAnnouncement }),
    [planId, reload],
  );

  const plan = data.responsePlan;
  const tasks = plan.tasks.edges.map((e) => e.node);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = TABS.findIndex((t) => t.key === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(at + step + TABS.length) % TABS.length].key;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <EditorContext.Provider value={context}>
      <div className={styles.editor}>
        <PlanHeader plan={plan} mayClassify={mayClassify} />
        <div className={styles.liveBar}>
          <p className={styles.live} data-state={live}>
            <span aria-hidden="true" className={styles.liveDot} /> {LIVE_WORDS[live]}
          </p>
          <PresenceList entries={presence} tasks={tasks} />
        </div>
        <p className={styles.announcement} role="status" aria-live="polite">
          {announcement}
        </p>
        <div role="tablist" aria-label="Plan editor views" className={styles.tabs}>
          {TABS.map((t) => (
            <button
              key={t.key}
              id={`tab-${t.key}`}
              type="button"
              role="tab"
              aria-selected={tab === t.key}
              aria-controls={`panel-${t.key}`}
              tabIndex={tab === t.key ? 0 : -1}
              className={styles.tab}
              onClick={() => setTab(t.key)}
              onKeyDown={onTabKey}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
          {tab === 'plan' && (
            <>
              <PlanStructure plan={plan} />
              <TaskList plan={plan} tasks={tasks} />
            </>
          )}
          {tab === 'board' && <TaskBoard tasks={tasks} />}
          {tab === 'history' && <HistoryPanel planId={planId} stamp={revision} tasks={tasks} />}
        </div>
      </div>
    </EditorContext.Provider>
  );
}
