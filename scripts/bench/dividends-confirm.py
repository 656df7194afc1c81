#!/usr/bin/env python3
"""Concurrent payout confirmations for scripts/bench/dividends.sh: every unpaid payout of a plan is confirmed twice,
by two different workers at about the same moment (each with its own Idempotency-Key, as two clerks at two desks),
over CONNECTIONS keep-alive connections. Prints "attempts confirmed refused other seconds twice": confirmed counts the
200 answers, refused the 409/412 ones (already confirmed, or a stale If-Match), twice the payouts that got more
than one 200."""
import argparse, collections, http.client, json, random, threading, time, urllib.parse, uuid


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--api-key", required=True)
    p.add_argument("--plan", required=True)
    p.add_argument("--connections", type=int, default=64)
    a = p.parse_args()
    url = urllib.parse.urlparse(a.base)
    headers = {"X-Api-Key": a.api_key, "Content-Type": "application/json"}

    def connection():
        return http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    # The payout list, 200 a page, as a client reads it.
    ids, page, c = [], 1, connection()
    while True:
        c.request("GET", f"/api/v1/dividends/plans/{a.plan}/payouts?status=Unpaid&pageSize=200&page={page}",
                  headers=headers)
        body = json.loads(c.getresponse().read())
        ids += [(item["id"], item["version"]) for item in body["items"]]
        if page * 200 >= body["total"]:
            break
        page += 1
    # Each payout twice; neighbours in the list are usually taken by two workers at once.
    work = [x for x in ids for _ in range(2)]
    random.Random(7).shuffle(work)
    lock = threading.Lock()
    results = collections.Counter()
    confirmed_by = collections.Counter()
    body = json.dumps({"method": "BankTransfer", "paidOn": "2026-01-20", "reference": "一卡通批次 BENCH-0001"})

    def worker():
        c = connection()
        while True:
            with lock:
                if not work:
                    return
                payout, version = work.pop()
            c.request("POST", f"/api/v1/dividends/payouts/{payout}/confirm", body=body.encode(),
                      headers={**headers, "If-Match": f'"{version}"', "Idempotency-Key": str(uuid.uuid4())})
            response = c.getresponse()
            response.read()
            with lock:
                if response.status == 200:
                    results["confirmed"] += 1
                    confirmed_by[payout] += 1
                elif response.status in (409, 412):
                    results["refused"] += 1
                else:
                    results[f"other {response.status}"] += 1

    attempts = len(work)
    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    other = sum(v for k, v in results.items() if k.startswith("other"))
    twice = sum(1 for v in confirmed_by.values() if v > 1)
    print(attempts, results["confirmed"], results["refused"], other, f"{seconds:.2f}", twice)
    for k, v in results.items():
        if k.startswith("other"):
            print(f"   !! {v} answers {k[6:]}", flush=True)


if __name__ == "__main__":
    main()
