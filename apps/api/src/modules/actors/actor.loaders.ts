import { byId, defineList } from '../../common/listing';
import { registerNodeType } from '../../common/node-registry';
import { Actor } from './actor.entity';

export const actorList = defineList(
  'actors',
  Actor,
  'a',
  {
    NAME: { expr: 'a.name', cast: 'text' },
    CREATED_AT: { expr: 'a.created_at', cast: 'timestamptz' },
  },
  { keyReaders: ['assignments', 'partners'] },
);

// Actors are public: no read rule.
const actorsById = byId<Actor & { id: string }>('actorById', actorList);
export const actorById = actorsById.load;
/** The actor that `key` points to, read with the rows that hold it when the query asks for it. */
export const actorJoin = actorsById.join;

registerNodeType('Actor', actorById);
