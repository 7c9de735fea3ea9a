import { defineList, rowsById } from '../../common/listing';
import type { Context } from '../../context';
import { User } from './user.entity';

const userList = defineList('users', User, 'u', {
  CREATED_AT: { expr: 'u.created_at', cast: 'timestamptz' },
});

export const userById = (ctx: Context) =>
  ctx.loaders.get('userById', () => rowsById<User>(ctx.db, userList(ctx.db)));
