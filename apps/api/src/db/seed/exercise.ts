import type { Confidence, RiskLevel, RiskTrend } from '@concord/shared';
import { actorId } from './actors';
import type { Clock } from './clock';
import { seedId } from './ids';
import type { Row } from './rows';

/** Risk factor number (1–14) → id, read from the database. */
export type RiskFactorIds = ReadonlyMap<number, string>;

export const exerciseId = (key: string) => seedId(`exercise:northern-lakes:${key}`);
export const SITUATION_ID = exerciseId('situation');
export const PLAN_ID = exerciseId('plan');
const ASSESSMENT_ID = exerciseId('assessment');

export function situationRows(): Row[] {
  return [
    {
      id: SITUATION_ID,
      name: 'Exercise — Northern Lakes Region',
      // XA is in the ISO 3166-1 user-assigned range: no real country has it.
      country_code: 'XA',
      admin_areas: ['Lakeside Province', 'Mirewater District', 'Kora Highlands', 'Upper Reeds District'],
      status: 'ACTIVE_CRISIS',
      summary:
        'FICTIONAL TRAINING SCENARIO. Rising violence between highland herders and lakeshore fishing communities in an invented region. Every place, group and event in it is made up; the code XA is a user-assigned ISO code, not a country.',
      is_exercise: true,
    },
  ];
}

/** [factor number, level, trend, confidence, rationale]; every rationale describes invented events. */
const scores: [number, RiskLevel, RiskTrend, Confidence, string][] = [
  [
    1,
    'HIGH',
    'DETERIORATING',
    'HIGH',
    'Exercise: clashes between highland militias and lakeshore self-defence groups have spread to three districts since the dry season began.',
  ],
  [
    2,
    'HIGH',
    'STABLE',
    'MEDIUM',
    'Exercise: earlier killings around Bekko Hills were never investigated; the same units remain deployed.',
  ],
  [
    3,
    'HIGH',
    'DETERIORATING',
    'MEDIUM',
    'Exercise: the governor dismissed the Lakeside court judges; no police presence outside Port Kessa.',
  ],
  [
    4,
    'MODERATE',
    'STABLE',
    'MEDIUM',
    'Exercise: competition over fishing grounds and grazing land, sharpened by the postponed elections.',
  ],
  [
    5,
    'HIGH',
    'DETERIORATING',
    'MEDIUM',
    'Exercise: arms distributed to highland youth; militias can field several hundred fighters.',
  ],
  [
    6,
    'MODERATE',
    'DETERIORATING',
    'LOW',
    'Exercise: the district peace committee was suspended and international presence is limited to Port Kessa.',
  ],
  [
    7,
    'HIGH',
    'DETERIORATING',
    'MEDIUM',
    'Exercise: recruitment drives in the Kora Highlands and reports of lists of lakeshore households.',
  ],
  [
    8,
    'HIGH',
    'DETERIORATING',
    'HIGH',
    'Exercise: indefinite postponement of the regional elections set off protests in Port Kessa.',
  ],
  [
    9,
    'HIGH',
    'DETERIORATING',
    'HIGH',
    'Exercise: a local radio station repeatedly calls lakeshore residents "vermin".',
  ],
  [
    10,
    'MODERATE',
    'DETERIORATING',
    'LOW',
    'Exercise: talk of "clearing the shore" and household lists; intent not verified.',
  ],
  [
    11,
    'HIGH',
    'DETERIORATING',
    'MEDIUM',
    'Exercise: burning of fishing villages and sexual violence reported across two districts.',
  ],
  [
    12,
    'MODERATE',
    'STABLE',
    'LOW',
    'Exercise: signs of coordination between militias and local officials, not yet conclusive.',
  ],
  [13, 'HIGH', 'DETERIORATING', 'HIGH', 'Exercise: armed attack on the Tall Reeds displacement site.'],
  [
    14,
    'HIGH',
    'DETERIORATING',
    'HIGH',
    'Exercise: a relief convoy looted at Kasobe Ferry and a patrol blocked at Lumi Crossing.',
  ],
];

export function assessmentRows(clock: Clock): Row[] {
  return [
    {
      id: ASSESSMENT_ID,
      situation_id: SITUATION_ID,
      assessed_on: clock.day(-3),
      overall_level: 'HIGH',
      status: 'PUBLISHED',
      summary:
        'Exercise assessment under the Framework of Analysis for Atrocity Crimes: risk is high and rising in the fictional Northern Lakes Region.',
      author_actor_id: actorId('OSAPG'),
    },
  ];
}

export function scoreRows(factors: RiskFactorIds): Row[] {
  return scores.map(([n, level, trend, confidence, rationale]) => ({
    id: exerciseId(`score:${n}`),
    assessment_id: ASSESSMENT_ID,
    risk_factor_id: factors.get(n),
    level,
    trend,
    confidence,
    rationale,
  }));
}
