import { Initial1795240321694 } from './migrations/1795240321694-Initial';
import { TaskOrderIndexes1795240719057 } from './migrations/1795240719057-TaskOrderIndexes';
import { Access1795240784011 } from './migrations/1795240784011-Access';
import { RiskFactorReferenceData1795240955977 } from './migrations/1795240955977-RiskFactorReferenceData';
import { Classification1795241538778 } from './migrations/1795241538778-Classification';
import { Coordination1795242014585 } from './migrations/1795242014585-Coordination';
import { RateLimitUnlogged1795243000000 } from './migrations/1795243000000-RateLimitUnlogged';
import { TokenChangeNotify1795244000000 } from './migrations/1795244000000-TokenChangeNotify';
import { SessionChangeNotify1795245000000 } from './migrations/1795245000000-SessionChangeNotify';
import { AssignmentPlan1795246000000 } from './migrations/1795246000000-AssignmentPlan';
import { ChangeLogRetention1795247000000 } from './migrations/1795247000000-ChangeLogRetention';

/** Every migration, in order. Generated files are added here by hand, after reading them. */
export const migrations: Function[] = [
  Initial1795240321694,
  TaskOrderIndexes1795240719057,
  Access1795240784011,
  RiskFactorReferenceData1795240955977,
  Classification1795241538778,
  Coordination1795242014585,
  RateLimitUnlogged1795243000000,
  TokenChangeNotify1795244000000,
  SessionChangeNotify1795245000000,
  AssignmentPlan1795246000000,
  ChangeLogRetention1795247000000,
];
