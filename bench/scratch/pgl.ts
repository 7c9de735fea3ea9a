import { join } from 'node:path';
import { DATASETS, prepareDataset, startDatabase } from '/work/main/bench/src/datasets.ts';
import { startServer, BENCH_DIR } from '/work/main/bench/src/servers/process.ts';
const db = await startDatabase(join(BENCH_DIR, '.data', 'scratch'));
try {
  const ds = await prepareDataset(db.adminUrl, 'concord_bench', DATASETS.tiny, console.log);
  console.log(ds);
  const s = await startServer('postgraphile', { DATABASE_URL: ds.url });
  const r = await fetch(s.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __schema { queryType { fields { name args { name type { name kind ofType { name } } } } } } }` }) });
  const j = await r.json();
  for (const f of j.data.__schema.queryType.fields) if (/task|plan|actor/i.test(f.name)) console.log(f.name, f.args.map((a:any)=>a.name).join(','));
  for (const t of ['Actor','Task','ResponsePlan','TaskAssignment','TasksOrderBy','TaskCondition']) {
    const r2 = await fetch(s.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __type(name: "${t}") { fields { name args { name } } inputFields { name } enumValues { name } } }` }) });
    const t2 = await r2.json();
    const ty = t2.data.__type;
    console.log(t, ty && (ty.fields?.map((f:any)=>f.name + (f.args.length? '(' + f.args.map((a:any)=>a.name).join(',') + ')':'')).join(' ') ?? '') , ty?.inputFields?.map((f:any)=>f.name).join(' '), ty?.enumValues?.map((f:any)=>f.name).join(' '));
  }
  await s.stop();
} finally { await db.stop(); }
