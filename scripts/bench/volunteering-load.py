#!/usr/bin/env python3
"""Benchmark fixture for 群众点单 (scripts/bench/volunteering.sh), not demo data.

demands: writes DEMANDS demands straight into the tables of a migrated database that generate-city.py filled (SQLite
file or PostgreSQL via psql COPY): spread over the city's organizations, in every state, about one in twenty past its
deadline, plus OPEN demands open for claiming in one district, whose ids go to --open-ids.
claim: CLAIMANTS threads, each a unit (an organization of the city) claiming through the API with If-Match, each
walking the whole pool in its own order; a demand seen taken (won, or refused as already claimed) is skipped.
Prints "claims=<won> refused=<409s> errors=<other> seconds=<wall time>"."""
import argparse, csv, json, os, random, sqlite3, subprocess, tempfile, threading, time, urllib.error, urllib.request
import uuid
from datetime import date, timedelta

NOW = "2026-11-01T00:00:00.0000000Z"
COLUMNS = ["id", "org_id", "org_path", "region_id", "category", "description", "requester_name_cipher",
           "requester_name_masked", "requester_phone_cipher", "requester_phone_masked", "urgency", "wished_on", "channel",
           "state", "submitted_on", "accept_due_on", "assign_due_on", "due_on", "claimant_kind", "claimant_id",
           "claimant_name", "assignment", "created_at", "updated_at", "version"]
STATES = [("Submitted", 8), ("Accepted", 6), ("Open", 6), ("Assigned", 10), ("InService", 10), ("Completed", 10),
          ("Rated", 10), ("Closed", 35), ("Rejected", 3), ("Cancelled", 2)]
CATEGORIES = ["助老助残", "邻里互助", "环境整治", "文明实践", "法律援助", "医疗健康", "教育辅导", "其他"]


def rows(organizations, total, opened, district_path, today, seed):
    rng = random.Random(seed)
    weights = [w for _, w in STATES]
    names = [s for s, _ in STATES]
    open_ids = []
    targets = [o for o in organizations if o[3] >= 2]
    district = [o for o in targets if o[2].startswith(district_path)]
    for i in range(total + opened):
        claim_pool = i >= total
        oid, root, path, _ = rng.choice(district if claim_pool else targets)
        state = "Open" if claim_pool else rng.choices(names, weights)[0]
        submitted = today - timedelta(days=rng.randint(0, 720) if not claim_pool else 0)
        wished = submitted + timedelta(days=rng.randint(3, 40))
        accept_due = submitted + timedelta(days=2)
        assign_due = submitted + timedelta(days=5) if state not in ("Submitted", "Rejected") else None
        late = rng.random() < 0.05 and not claim_pool
        due = {"Submitted": accept_due, "Accepted": assign_due, "Open": assign_due, "Assigned": wished,
               "InService": wished}.get(state)
        if due is not None:
            # Waiting ones are on time (ahead of today) unless this one is late.
            due = today - timedelta(days=rng.randint(1, 60)) if late else today + timedelta(days=rng.randint(0, 20))
        assigned = state in ("Assigned", "InService", "Completed", "Rated", "Closed")
        did = str(uuid.uuid4())
        if claim_pool:
            open_ids.append(did)
        yield [did, oid, path, root, CATEGORIES[i % len(CATEGORIES)], "基准测试生成的群众需求", "bench", "王**", "bench",
               "138****0000", "Normal", wished.isoformat(), "Staff", state, submitted.isoformat(), accept_due.isoformat(),
               None if assign_due is None else assign_due.isoformat(), None if due is None else due.isoformat(),
               "Organization" if assigned else None, oid if assigned else None, "基准单位" if assigned else None,
               "Dispatched" if assigned else None, NOW, NOW, 1]
    rows.open_ids = open_ids


def load(args):
    today = date.fromisoformat(args.today)
    if args.sqlite:
        db = sqlite3.connect(args.sqlite)
        organizations = db.execute("SELECT id, region_root_id, path, depth FROM organizations").fetchall()
        district_path = db.execute("SELECT path FROM organizations WHERE id = ?", (args.district,)).fetchone()[0]
        with db:
            db.executemany(f"INSERT INTO volunteer_demands ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
                           rows(organizations, args.demands, args.open, district_path, today, args.seed))
            db.execute("ANALYZE")
        db.close()
    else:
        query = lambda sql: subprocess.run(["psql", "-At", "-F", "\t", args.postgres, "-c", sql], check=True,
                                           capture_output=True, text=True).stdout.split("\n")
        organizations = [tuple(line.split("\t")) for line in query("SELECT id, region_root_id, path, depth FROM organizations") if line]
        organizations = [(a, b, c, int(d)) for a, b, c, d in organizations]
        district_path = query(f"SELECT path FROM organizations WHERE id = '{args.district}'")[0]
        with tempfile.TemporaryDirectory() as tmp:
            file = os.path.join(tmp, "demands.csv")
            with open(file, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                for v in rows(organizations, args.demands, args.open, district_path, today, args.seed):
                    w.writerow(["\\N" if x is None else x for x in v])
            subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", args.postgres, "-c",
                            f"\\copy volunteer_demands ({','.join(COLUMNS)}) FROM '{file}' WITH (FORMAT csv, NULL '\\N')",
                            "-c", "VACUUM ANALYZE volunteer_demands"], check=True)
    with open(args.open_ids, "w") as f:
        json.dump(rows.open_ids, f)
    with open(args.claimants, "w") as f:
        json.dump([o[0] for o in organizations if o[2].startswith(district_path)][:256], f)


def claim(args):
    ids = json.load(open(args.open_ids))
    claimants = json.load(open(args.claimants))[: args.claimants_count]
    taken = set()
    lock = threading.Lock()
    counts = {"claims": 0, "refused": 0, "errors": 0}

    def worker(unit):
        # Each claimant goes down the pool in its own order, as people looking at one list pick different rows.
        order = list(ids)
        random.Random(unit).shuffle(order)
        for did in order:
            if did in taken:
                continue
            body = json.dumps({"claimant": {"kind": "Organization", "id": unit}, "note": "bench"}).encode()
            request = urllib.request.Request(f"{args.base}/api/v1/volunteering/demands/{did}/claim", body, method="POST",
                                             headers={"content-type": "application/json", "If-Match": '"1"',
                                                      "X-Api-Key": args.api_key})
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                with lock:
                    counts["claims"] += 1
                    taken.add(did)
            except urllib.error.HTTPError as e:
                text = e.read().decode(errors="replace")
                with lock:
                    if e.code == 409 and "demand_already_claimed" in text:
                        counts["refused"] += 1
                        taken.add(did)
                    else:
                        counts["errors"] += 1
                        if counts["errors"] <= 3:
                            print(f"   unexpected {e.code}: {text[:300]}", flush=True)

    threads = [threading.Thread(target=worker, args=(unit,)) for unit in claimants]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"claims={counts['claims']} refused={counts['refused']} errors={counts['errors']} "
          f"seconds={time.monotonic() - started:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["demands", "claim"])
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres")
    parser.add_argument("--demands", type=int, default=500000)
    parser.add_argument("--open", type=int, default=1000)
    parser.add_argument("--district")
    parser.add_argument("--today", default=date.today().isoformat())
    parser.add_argument("--open-ids", required=True)
    parser.add_argument("--claimants", help="a JSON file: the organization ids that claim")
    parser.add_argument("--claimants-count", type=int, default=64)
    parser.add_argument("--base")
    parser.add_argument("--api-key")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    load(args) if args.command == "demands" else claim(args)


if __name__ == "__main__":
    main()
