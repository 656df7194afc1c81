// CLIENTS concurrent clients pay visit money out of one fund, each visit once (POST /visits/{id}/record with
// If-Match and an Idempotency-Key), until the list is done; the fund's balance runs out on the way, and what it
// cannot pay must come back 409 fund_insufficient. Prints "RESULT paid refused failed seconds".
// Usage: node care-payments.mjs BASE API_KEY FUND_ID VISIT_IDS_FILE CLIENTS VISITED_ON
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

const [base, apiKey, fundId, idsFile, clientsArg, visitedOn] = process.argv.slice(2);
const ids = readFileSync(idsFile, "utf8").split("\n").filter(Boolean);
const clients = Number(clientsArg);
let next = 0;
const counts = { paid: 0, refused: 0, failed: 0 };
const problems = new Map();

async function client() {
  while (next < ids.length) {
    const id = ids[next++];
    const response = await fetch(`${base}/api/v1/assistance/visits/${id}/record`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": apiKey,
        "if-match": '"1"',
        "idempotency-key": randomUUID(),
      },
      body: JSON.stringify({ visitedOn, visitors: "压测", money: 50, fundId, reference: `bench ${id}` }),
    });
    const text = await response.text();
    if (response.status === 200) {
      counts.paid++;
    } else if (response.status === 409 && text.includes("fund_insufficient")) {
      counts.refused++;
    } else {
      counts.failed++;
      problems.set(response.status, text.slice(0, 300));
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, client));
const seconds = (performance.now() - started) / 1000;
for (const [status, text] of problems) {
  console.error(`unexpected ${status}: ${text}`);
}
console.log(`RESULT ${counts.paid} ${counts.refused} ${counts.failed} ${seconds.toFixed(2)}`);
