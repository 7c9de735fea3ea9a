import { type PageRequest, toPage } from '../../common/connection';
import type { PartnershipKind, PartnershipStatus } from '../../common/enums';
import { projected } from '../../common/listing';
import type { Projection } from '../../common/projection';
import type { Context } from '../../context';
import type { Actor } from '../actors/actor.entity';
import { actorList } from '../actors/actor.loaders';
import { type PartnerCriteria, type PartnerPage, partnerPageLoader } from './partner.loaders';
import { partnershipList } from './partnership.loaders';

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
  /**
   * The actor's partners in both directions; batched with every other actor asking the same
   * question. `read`: what the query reads of the partners and of the partnerships (all when absent).
   */
  partners(
    ctx: Context,
    actor: Actor,
    page: PageRequest,
    args: PartnerArgs,
    read: { actor?: Projection | null; partnership?: Projection | null } = {},
  ): Promise<PartnerPage> {
    const wanted = criteria(args);
    const { first, after, last, before, readsPageInfo } = page;
    const columns = {
      actor: projected(actorList(ctx.db), read.actor),
      partnership: projected(partnershipList(ctx.db), read.partnership),
    };
    const key = `partnersByActorId|${columns.actor.id}|${columns.partnership.id}|${JSON.stringify([wanted, { first, after, last, before, readsPageInfo }])}`;
    const loader = ctx.loaders.get(key, () => partnerPageLoader(ctx.db, wanted, toPage(page), columns));
    return loader.load(actor.id);
  },
};
