import { Initial1795240321694 } from './migrations/1795240321694-Initial';

/** Every migration, in order. Generated files are added here by hand, after reading them. */
export const migrations: Function[] = [Initial1795240321694];
