'use client';

import { useApolloClient } from '@apollo/client/react';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { actorSearchQuery } from './plan-editor.graphql';
import styles from './plan-editor.module.css';
import { useFocusWhen } from './use-focus-when';

export type PickedActor = { id: string; name: string; acronym?: string | null };

/**
 * A searchable organisation picker (an ARIA combobox): typing searches the actor registry by name
 * or acronym; arrows move through the matches, Enter picks one.
 */
export function ActorPicker({
  value,
  onChange,
}: {
  value: PickedActor | null;
  onChange(actor: PickedActor | null): void;
}) {
  const client = useApolloClient();
  const id = useId();
  const [text, setText] = useState(value ? value.name : '');
  const [matches, setMatches] = useState<PickedActor[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [state, setState] = useState<'idle' | 'searching' | 'failed'>('idle');
  const inputRef = useFocusWhen<HTMLInputElement>(true);

  useEffect(() => {
    const search = text.trim();
    if (!open || search.length < 2) {
      setMatches([]);
      return;
    }
    let current = true;
    setState('searching');
    const timer = setTimeout(() => {
      client
        .query({ query: actorSearchQuery, variables: { search }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          if (!current) return;
          setMatches(data?.actors.edges.map((e) => e.node) ?? []);
          setActive(0);
          setState('idle');
        })
        .catch(() => current && setState('failed'));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, text, open]);

  const pick = (actor: PickedActor) => {
    onChange(actor);
    setText(actor.acronym ? `${actor.name} (${actor.acronym})` : actor.name);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && text.trim().length >= 2;
  return (
    <div className={styles.picker}>
      <label htmlFor={`${id}-input`}>Organisation</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && matches[active] ? `${id}-opt-${matches[active].id}` : undefined}
        autoComplete="off"
        placeholder="Type a name or acronym, e.g. IGAD"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        ref={inputRef}
      />
      {showList && (
        <div id={listId} role="listbox" className={styles.pickerList} aria-label="Matching organisations">
          {matches.map((actor, index) => (
            <div
              key={actor.id}
              id={`${id}-opt-${actor.id}`}
              role="option"
              aria-selected={index === active}
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(actor)}
              onKeyDown={(e) => e.key === 'Enter' && pick(actor)}
            >
              {actor.name}
              {actor.acronym && <span className={styles.muted}> ({actor.acronym})</span>}
            </div>
          ))}
          {matches.length === 0 && (
            <p className={styles.muted}>
              {state === 'searching'
                ? 'Searching…'
                : state === 'failed'
                  ? 'The search failed; try again.'
                  : 'No organisation matches.'}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
