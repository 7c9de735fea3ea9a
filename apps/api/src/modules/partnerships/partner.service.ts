import { type PageArgs, toPage } from '../../common/connection';
import type { PartnershipKind, PartnershipStatus } from '../../common/enums';
import type { Context } from '../../context';
import type { Actor } from '../actors/actor.entity';
import { type PartnerCriteria, type PartnerPage, partnerPageLoader } from './partner.loaders';

export type PartnerArgs = {
  kind?: PartnershipKind | null;
  kinds?: PartnershipKind[] | null;
  status?: PartnershipStatus | null;
  asOf?: string | null;
};

/** `kind` and `kinds` together mean "any of them"; sorted so equal questions share one loader. */
function criteria(args: PartnerArgs): PartnerCriteria {
  const kinds = [...new Set([...(args.kind ? [args.kind] : []), ...(args.kinds ?? [])])].sort();
  return { kinds: kinds.length ? kinds : null, status: args.status ?? null, asOf: args.asOf ?? null };
}

export const partnerService = {
  /** The actor's partners in both directions; batched with every other actor asking the same question. */
  partners(ctx: Context, actor: Actor, page: PageArgs, args: PartnerArgs): Promise<PartnerPage> {
    const wanted = criteria(args);
    const { first, after, last, before } = page;
    const key = `partnersByActorId|${JSON.stringify([wanted, { first, after, last, before }])}`;
    const loader = ctx.loaders.get(key, () => partnerPageLoader(ctx.db, wanted, toPage(page)));
    return loader.load(actor.id);
  },
};
