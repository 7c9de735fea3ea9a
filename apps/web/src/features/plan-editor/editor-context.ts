'use client';

import { createContext, useContext } from 'react';

export type EditorContextValue = {
  planId: string;
  /** Reads the plan again; the newest answer wins. Resolves to the change position read with it (null: failed). */
  reload(): Promise<string | null>;
  /** What the person is editing now ("plan:title", "task:<id>"), for presence; null when nothing. */
  setFocus(focus: string | null): void;
  /** Says something to screen readers (and shows it in the status line). */
  announce(message: string): void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside the plan editor');
  return value;
}
