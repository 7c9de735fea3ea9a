import type DataLoader from 'dataloader';
import type { Context } from '../context';
import type { Row } from './connection';

type NodeLoader = (ctx: Context) => DataLoader<string, Row | null>;

const registry = new Map<string, NodeLoader>();

/** Makes a type reachable through node(id:) and nodes(ids:). Each module registers its own types. */
export function registerNodeType(typename: string, loader: NodeLoader): void {
  registry.set(typename, loader);
}

export function nodeLoader(typename: string): NodeLoader | undefined {
  return registry.get(typename);
}
