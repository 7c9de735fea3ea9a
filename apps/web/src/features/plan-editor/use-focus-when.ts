'use client';

import { useEffect, useRef } from 'react';

/** Moves the keyboard focus to the element when it appears (an inline form opening), once. */
export function useFocusWhen<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return ref;
}
