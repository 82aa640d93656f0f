import { InitialSchema1764180000000 } from './1764180000000-InitialSchema';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [InitialSchema1764180000000];
