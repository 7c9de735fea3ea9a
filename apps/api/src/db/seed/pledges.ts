import type { CapabilityKind } from '@concord/shared';
import { actorId } from './actors';
import { seedId } from './ids';
import type { Row } from './rows';

const NOTE = 'Illustrative pledge for the exercise; not an actual national commitment.';

/** [actor, capability, quantity, readiness days]. Figures are invented for training, not real pledges. */
const pledges: [string, CapabilityKind, number, number][] = [
  ['RW', 'FORMED_POLICE_UNIT', 2, 45],
  ['RW', 'INFANTRY_BATTALION', 1, 60],
  ['NP', 'INFANTRY_BATTALION', 1, 60],
  ['NP', 'FORMED_POLICE_UNIT', 1, 90],
  ['BD', 'ENGINEERING_UNIT', 1, 75],
  ['BD', 'HELICOPTER_UNIT', 1, 90],
  ['IN', 'HELICOPTER_UNIT', 1, 60],
  ['PK', 'MEDICAL_UNIT', 1, 45],
  ['GH', 'INFANTRY_BATTALION', 1, 90],
  ['KE', 'MILITARY_OBSERVERS', 10, 30],
  ['SN', 'FORMED_POLICE_UNIT', 1, 60],
  ['EG', 'FORMED_POLICE_UNIT', 1, 60],
  ['OHCHR', 'HUMAN_RIGHTS_MONITORS', 12, 14],
  ['OHCHR', 'WOMEN_PROTECTION_ADVISERS', 2, 21],
  ['OSAPG', 'ANALYSTS', 3, 7],
  ['DPPA', 'MEDIATORS', 3, 10],
  ['IGAD', 'MEDIATORS', 2, 7],
  ['AU', 'MEDIATORS', 2, 10],
  ['UNHCR', 'HUMANITARIAN_LOGISTICS', 2, 14],
  ['UNHCR', 'CHILD_PROTECTION_ADVISERS', 2, 21],
  ['OCHA', 'HUMANITARIAN_LOGISTICS', 1, 7],
  ['EU', 'FUNDING', 1, 30],
];

export function pledgeRows(): Row[] {
  return pledges.map(([actor, capability, quantity, readinessDays]) => ({
    id: seedId(`pledge:${actor}:${capability}`),
    actor_id: actorId(actor),
    capability,
    quantity,
    readiness_days: readinessDays,
    valid_until: null,
    notes: capability === 'FUNDING' ? `${NOTE} One financing window.` : NOTE,
  }));
}
