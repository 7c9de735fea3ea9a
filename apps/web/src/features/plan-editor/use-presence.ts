'use client';

import { useMutation } from '@apollo/client/react';
import { print } from 'graphql';
import { useEffect, useRef, useState } from 'react';
import { heartbeatPresenceMutation, leavePlanMutation } from './plan-editor.graphql';

const HEARTBEAT_MS = 10_000;

function newClientId(): string {
  // randomUUID needs a secure context; a plain-HTTP address on a closed network may not be one.
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Tells the plan's other editors that this tab has it open: a heartbeat every ten seconds, at once
 * when the focus changes (EDITING while an inline editor is open), and a goodbye when the tab goes.
 */
export function usePresence(planId: string, focus: string | null): void {
  const [heartbeat] = useMutation(heartbeatPresenceMutation);
  const [leave] = useMutation(leavePlanMutation);
  const clientId = useRef<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    clientId.current = newClientId();
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready || !clientId.current) return;
    const input = { planId, clientId: clientId.current, mode: focus ? 'EDITING' : 'VIEWING', focus } as const;
    // A lost heartbeat only makes the entry lapse sooner; the next one restores it.
    const beat = () => void heartbeat({ variables: { input } }).catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [ready, planId, focus, heartbeat]);

  useEffect(() => {
    if (!ready || !clientId.current) return;
    const input = { planId, clientId: clientId.current };
    // On unload a mutation through Apollo would be cut off; a keep-alive request outlives the page.
    const onPageHide = () => {
      void fetch('/graphql', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(leavePlanMutation), variables: { input } }),
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      void leave({ variables: { input } }).catch(() => undefined);
    };
  }, [ready, planId, leave]);
}
