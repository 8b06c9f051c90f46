// Reads the Arrow files GreenCredit wrote with Arrow JS, a second Arrow implementation, and checks that
// they carry typed, nested columns (structs, lists, dictionary-encoded enums, dates) whose values equal
// the same requests written as JSON lines. Usage: node check.mjs DIR (with the files arrow-interop.sh writes).
import { readFileSync } from 'node:fs';
import { tableFromIPC, Type } from 'apache-arrow';

const dir = process.argv[2];
let checks = 0;
function check(condition, what) {
  if (!condition) {
    throw new Error(`arrow-interop: ${what}`);
  }
  checks++;
}
const field = (fields, name) => {
  const f = fields.find((x) => x.name === name);
  check(f !== undefined, `no field '${name}' among ${fields.map((x) => x.name)}`);
  return f;
};
const millis = (v) => (v instanceof Date ? v.getTime() : Number(v));
const month = (v) => new Date(millis(v)).toISOString().slice(0, 7);

const requests = tableFromIPC(readFileSync(`${dir}/requests.arrow`));
const json = readFileSync(`${dir}/requests.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
check(requests.numRows === json.length, `${requests.numRows} Arrow rows, ${json.length} JSON lines`);

const account = field(requests.schema.fields, 'carbonAccount');
check(account.type.typeId === Type.Struct, `carbonAccount is ${account.type}, not a struct`);
const lines = field(account.type.children, 'lines');
check(lines.type.typeId === Type.List, `carbonAccount.lines is ${lines.type}, not a list`);
const line = lines.type.children[0];
check(line.type.typeId === Type.Struct, `an activity line is ${line.type}, not a struct`);
check(field(line.type.children, 'activity').type.typeId === Type.Dictionary, 'activity is not dictionary-encoded');
check(field(line.type.children, 'month').type.typeId === Type.Date, 'month is not a date');
check(field(line.type.children, 'quantity').type.typeId === Type.Float, 'quantity is not a float');
const inflows = field(field(requests.schema.fields, 'credit').type.children, 'monthlyInflowsCny');
check(inflows.type.typeId === Type.List && inflows.type.children[0].type.typeId === Type.Float, 'monthlyInflowsCny is not a list of floats');

let linesCompared = 0;
let farms = 0;
for (let i = 0; i < requests.numRows; i++) {
  const row = requests.get(i);
  const expected = json[i];
  check(row.sme.id === expected.sme.id, `row ${i + 1}: sme.id ${row.sme.id} != ${expected.sme.id}`);
  check(row.sme.sizeClass === expected.sme.sizeClass, `row ${i + 1}: sme.sizeClass`);
  if (expected.carbonAccount) {
    const got = row.carbonAccount.lines.toArray();
    check(got.length === expected.carbonAccount.lines.length, `row ${i + 1}: ${got.length} lines, ${expected.carbonAccount.lines.length} in JSON`);
    got.forEach((l, j) => {
      const e = expected.carbonAccount.lines[j];
      check(l.activity === e.activity && month(l.month) === e.month && l.quantity === e.quantity && l.spendCny === e.spendCny,
        `row ${i + 1} line ${j}: ${JSON.stringify(l)} != ${JSON.stringify(e)}`);
      linesCompared++;
    });
  } else {
    check(row.carbonAccount === null, `row ${i + 1}: a carbon account where JSON has none`);
  }
  if (expected.credit) {
    check(JSON.stringify(Array.from(row.credit.monthlyInflowsCny.toArray())) === JSON.stringify(expected.credit.monthlyInflowsCny),
      `row ${i + 1}: monthly inflows differ`);
  }
  if (expected.plots && expected.plots.length > 0) {
    farms++;
    const plots = row.plots.toArray();
    check(plots.length === expected.plots.length, `row ${i + 1}: plots`);
    check(plots[0].ndvi.toArray().length === expected.plots[0].ndvi.length, `row ${i + 1}: NDVI readings`);
  }
}
check(linesCompared > 1000 && farms > 0, `too little compared: ${linesCompared} lines, ${farms} farms`);

const decisions = tableFromIPC(readFileSync(`${dir}/decisions.arrow`));
check(decisions.numRows === json.length, 'one decision per request');
check(field(decisions.schema.fields, 'outcome').type.typeId === Type.Dictionary, 'outcome is not dictionary-encoded');
check(field(decisions.schema.fields, 'reasonCodes').type.typeId === Type.List, 'reasonCodes is not a list');
for (let i = 0; i < decisions.numRows; i++) {
  const d = decisions.get(i);
  check(['APPROVE', 'REFER', 'DECLINE'].includes(d.outcome), `decision ${i + 1}: outcome ${d.outcome}`);
  check(/^[0-9a-f]{64}$/.test(d.fullRatingSha256), `decision ${i + 1}: hash ${d.fullRatingSha256}`);
  check(d.reasonCodes.toArray().length <= 4, `decision ${i + 1}: more than four reasons`);
}

const ratings = tableFromIPC(readFileSync(`${dir}/ratings.arrows`));
check(ratings.numRows === json.length, 'one rating per request in the stream');
const hits = field(field(ratings.schema.fields, 'explanation').type.children, 'ruleHits');
check(hits.type.typeId === Type.List && hits.type.children[0].type.typeId === Type.Struct, 'ruleHits is not a list of structs');
check(ratings.get(0).explanation.ruleHits.toArray().length > 0, 'the first rating has no rule hits');

console.log(`arrow-interop: ok (Arrow JS read ${requests.numRows} requests, ${linesCompared} activity lines, ${farms} farms,`
  + ` ${decisions.numRows} decisions and ${ratings.numRows} full ratings; ${checks} checks)`);
