// Why the dashboard bench loads history in key order (docs/PERFORMANCE.md, "Dashboard cost and stored history"):
// times LokiJS alone, indexed as Azurite 3.35 indexes a table (PartitionKey and RowKey), for a lookup and an insert
// per entity, in round-robin or in key order. Usage: node scripts/azurite-order-probe.js [round-robin|key-order] [n]
const loki = require('../node_modules/lokijs');
const order = process.argv[2] ?? 'round-robin';
const total = Number(process.argv[3] ?? 1000000);
const partitions = 800;
const perPartition = Math.ceil(total / partitions);
const collection = new loki('probe', { persistenceMethod: 'memory' }).addCollection('t', { indices: ['PartitionKey', 'RowKey'] });
const keys = Array.from({ length: partitions }, (_, p) => 'ch' + p).sort();
function* entities() {
  if (order === 'key-order') {
    for (const pk of keys) for (let r = 0; r < perPartition; r++) yield [pk, `h${pk}-${String(r).padStart(7, '0')}`];
  } else {
    for (let r = 0; r < perPartition; r++) for (const pk of keys) yield [pk, `h${r}`];
  }
}
let n = 0;
let start = Date.now();
for (const [pk, rk] of entities()) {
  collection.findOne({ PartitionKey: pk, RowKey: rk });
  collection.insert({ PartitionKey: pk, RowKey: rk, properties: { Text: 'A comment of ordinary length' } });
  if (++n % 100000 === 0) {
    console.log(`${order}: ${n} stored, the last 100,000 in ${Date.now() - start} ms`);
    start = Date.now();
  }
  if (n === total) break;
}
