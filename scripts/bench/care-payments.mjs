// CLIENTS concurrent clients pay visit money out of one fund, each visit once (POST /visits/{id}/record with
// If-Match and an Idempotency-Key), until the list is done; the fund's balance runs out on the way, and what it
// cannot pay must come back 409 fund_insufficient. Prints "RESULT paid refused failed seconds".
// Usage: node care-payments.mjs BASE API_KEY FUND_ID VISIT_IDS_FILE CLIENTS VISITED_ON
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";

const [base, apiKey, fundId, idsFile, clientsArg, visitedOn] = process.argv.slice(2);
const ids = readFileSync(idsFile, "utf8").split("\n").filter(Boolean);
const clients = Number(clientsArg);
let next = 0;
const counts = { paid: 0, refused: 0, failed: 0 };
const problems = new Map();

// node:http with one kept-alive socket per client, not fetch: on this 2-core machine fetch (undici) took about half
// a core of its own at these rates, CPU the server under test then lacked.
const agent = new Agent({ keepAlive: true, maxSockets: clients });
const target = new URL(base);

function post(id) {
  const body = JSON.stringify({ visitedOn, visitors: "压测", money: 50, fundId, reference: `bench ${id}` });
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: "POST",
        path: `/api/v1/assistance/visits/${id}/record`,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-api-key": apiKey,
          "if-match": '"1"',
          "idempotency-key": randomUUID(),
        },
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}

async function client() {
  while (next < ids.length) {
    const id = ids[next++];
    const { status, text } = await post(id);
    if (status === 200) {
      counts.paid++;
    } else if (status === 409 && text.includes("fund_insufficient")) {
      counts.refused++;
    } else {
      counts.failed++;
      problems.set(status, text.slice(0, 300));
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
