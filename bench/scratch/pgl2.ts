import { join } from 'node:path';
import { DATASETS, prepareDataset, startDatabase } from '../src/datasets.ts';
import { startServer, BENCH_DIR } from '../src/servers/process.ts';
const db = await startDatabase(join(BENCH_DIR, '.data', 'scratch'));
try {
  const ds = await prepareDataset(db.adminUrl, 'concord_bench', DATASETS.tiny, console.log);
  const s = await startServer('postgraphile', { DATABASE_URL: ds.url });
  const gql = async (query: string, variables = {}) => (await fetch(s.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
  for (const t of ['TaskOrderBy','TaskAssignmentOrderBy','ActorOrderBy','ResponsePlanOrderBy', 'ActorCondition']) {
    const j = await gql(`{ __type(name: "${t}") { name enumValues { name } inputFields { name } } }`);
    console.log(t, JSON.stringify(j.data.__type));
  }
  const j = await gql(`{ __type(name: "Query") { fields { name args { name type { name kind ofType { name kind ofType { name kind ofType {name} } } } } } } }`);
  console.log(JSON.stringify(j.data.__type.fields.find((f: any) => f.name === 'allTasks').args));
  for (const q of process.argv.slice(2)) console.log(JSON.stringify(await gql(q)).slice(0, 1500));
  await s.stop();
} finally { await db.stop(); }
