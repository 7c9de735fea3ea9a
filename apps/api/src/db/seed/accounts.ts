import type { MembershipRole } from '@concord/shared';
import { hashPassword } from '../../modules/accounts/password';
import { seedId } from './ids';
import type { Row } from './rows';

/** The password of every demo account (README "Demo accounts"). Demo mode only. */
export const DEMO_PASSWORD = 'concord-demo';

/** Demo accounts: who they are and the organisation and role that make the exercise usable. */
export const demoAccounts: { email: string; displayName: string; actorKey: string; role: MembershipRole }[] =
  [
    {
      email: 'admin@concord.test',
      displayName: 'Demo Administrator',
      actorKey: 'SECRETARIAT',
      role: 'ADMIN',
    },
    {
      email: 'liaison.dpo@concord.test',
      displayName: 'Amina Diallo (DPO liaison)',
      actorKey: 'DPO',
      role: 'LIAISON',
    },
    {
      email: 'liaison.au@concord.test',
      displayName: 'Tesfaye Bekele (AU liaison)',
      actorKey: 'AU',
      role: 'LIAISON',
    },
    {
      email: 'partner.igad@concord.test',
      displayName: 'Grace Wanjiru (IGAD partner)',
      actorKey: 'IGAD',
      role: 'PARTNER',
    },
    {
      email: 'viewer.ocha@concord.test',
      displayName: 'Lucas Moreau (OCHA viewer)',
      actorKey: 'OCHA',
      role: 'VIEWER',
    },
  ];

export async function userRows(): Promise<Row[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return demoAccounts.map((a) => ({
    id: seedId(`user:${a.email}`),
    email: a.email,
    display_name: a.displayName,
    password_hash: hash,
  }));
}

export function membershipRows(): Row[] {
  return demoAccounts.map((a) => ({
    id: seedId(`membership:${a.email}`),
    user_id: seedId(`user:${a.email}`),
    actor_id: seedId(`actor:${a.actorKey}`),
    role: a.role,
  }));
}
