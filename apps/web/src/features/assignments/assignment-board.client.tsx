'use client';

import { useCallback, useState } from 'react';
import { AssignmentCard } from './assignment-card.client';
import { type Assignment, groupAssignments, groupTitleOf } from './assignment-groups';
import styles from './assignments.module.css';
import type { Feedback } from './use-assignment-actions';

type Props = { assignments: Assignment[]; canAnswer: boolean; today: string; orgName: string };

/**
 * An organisation's assignments grouped by state. When an answer moves a card to another group,
 * its heading takes the focus there and the change is announced.
 */
export function AssignmentBoard({ assignments: initial, canAnswer, today, orgName }: Props) {
  const [assignments, setAssignments] = useState(initial);
  const [feedback, setFeedback] = useState<Record<string, Feedback>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const change = useCallback((next: Assignment, moved: boolean) => {
    setAssignments((all) => all.map((a) => (a.id === next.id ? next : a)));
    if (moved) {
      setFocusId(next.id);
      setAnnouncement(`“${next.task.title}” is now listed under ${groupTitleOf(next.status)}.`);
    }
  }, []);

  const groups = groupAssignments(assignments);
  if (groups.length === 0) {
    return <p className={styles.empty}>No task has been given to {orgName} yet.</p>;
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {groups.map((group) => {
        const cards = group.items.map((a) => (
          <li key={a.id}>
            <AssignmentCard
              assignment={a}
              canAnswer={canAnswer}
              today={today}
              feedback={feedback[a.id] ?? null}
              focusOnMount={focusId === a.id}
              onChange={change}
              onFeedback={(f) => setFeedback((all) => ({ ...all, [a.id]: f }))}
            />
          </li>
        ));
        const heading = (
          <>
            {group.title} <span className={styles.count}>({group.items.length})</span>
          </>
        );
        // Closed assignments stay out of the way unless asked for.
        return group.key === 'closed' ? (
          <details key={group.key} className={styles.group}>
            <summary>
              <h2 className={styles.groupTitle}>{heading}</h2>
            </summary>
            <p className={styles.hint}>{group.hint}</p>
            <ul className={styles.cards}>{cards}</ul>
          </details>
        ) : (
          <section key={group.key} className={styles.group} aria-labelledby={`group-${group.key}`}>
            <h2 id={`group-${group.key}`} className={styles.groupTitle}>
              {heading}
            </h2>
            <p className={styles.hint}>{group.hint}</p>
            <ul className={styles.cards}>{cards}</ul>
          </section>
        );
      })}
    </>
  );
}
