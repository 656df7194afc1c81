#!/usr/bin/env python3
"""Generates a city for the benchmark: a tree of N organizations (depth up to 7) with two years of
gradings and some pairings, written straight into a migrated database (SQLite file or PostgreSQL via
psql COPY). Paths follow the API's encoding: 5-character base-32 segments per level."""
import argparse, csv, os, random, subprocess, sqlite3, tempfile, uuid

ALPHABET = "0123456789abcdefghijklmnopqrstuv"
NOW = "2026-11-01T00:00:00.0000000Z"


def segment(n):
    chars = []
    for _ in range(5):
        chars.append(ALPHABET[n % 32])
        n //= 32
    return "".join(reversed(chars))


def build(total, seed):
    rng = random.Random(seed)
    rows, gradings, pairings = [], [], []
    root_id = str(uuid.uuid4())

    def add(parent, depth, name, kind, field):
        oid = root_id if parent is None else str(uuid.uuid4())
        if parent is None:
            path = segment(1)
        else:
            parent["child_seq"] += 1
            path = parent["path"] + segment(parent["child_seq"])
        row = dict(id=oid, parent_id=None if parent is None else parent["id"], path=path, depth=depth, child_seq=0,
                   region_root_id=root_id, name=name, kind=kind, field=field,
                   term_started_on=f"{rng.randint(2021, 2026)}-{rng.randint(1, 12):02d}-01" if kind != "Committee" or depth > 1 else None)
        rows.append(row)
        return row

    city = add(None, 0, "某市委", "Committee", "Government")
    districts = [add(city, 1, f"第{i + 1}区委", "Committee", "Government") for i in range(10)]
    frontier = []
    for d in districts:
        for s in range(rng.randint(10, 16)):
            frontier.append(add(d, 2, f"{d['name']}第{s + 1}街道党工委", "WorkingCommittee", "UrbanCommunity"))
    # Fill breadth-first to the target size, with branches up to depth 6 (seven levels).
    while len(rows) < total:
        parent = frontier.pop(0) if frontier else rng.choice(rows)
        for c in range(rng.randint(3, 9)):
            if len(rows) >= total:
                break
            depth = parent["depth"] + 1
            if depth > 6:
                break
            leaf = depth >= 4 or rng.random() < 0.3
            field = rng.choice(["Village", "UrbanCommunity", "PrivateEnterprise", "Government", "School"])
            child = add(parent, depth, f"{parent['name'][:20]}-{c + 1}{'党支部' if leaf else '党委'}", "Branch" if leaf else "Committee", field)
            if not leaf or rng.random() < 0.2:
                frontier.append(child)
    levels = [("good", 1), ("fairly-good", 2), ("average", 3), ("poor", 4)]
    for row in rows:
        if row["kind"] == "Branch" or row["depth"] >= 3:
            for year in (2024, 2025):
                if rng.random() < 0.9:
                    code, rank = rng.choices(levels, weights=[40, 35, 17, 8])[0]
                    gradings.append(dict(id=str(uuid.uuid4()), org_id=row["id"], region_root_id=root_id, year=year, level=code,
                                         level_rank=rank, is_lagging=code == "poor", score=rng.randint(50, 110), graded_on=f"{year + 1}-01-20"))
    branches = [r for r in rows if r["kind"] == "Branch"]
    for _ in range(min(1000, len(branches) // 2)):
        a, b = rng.sample(branches, 2)
        pairings.append(dict(id=str(uuid.uuid4()), org_id=a["id"], partner_org_id=b["id"], region_root_id=root_id,
                             kind=rng.choice(["Contracting", "Partnership"]), starts_on="2025-01-01"))
    return rows, gradings, pairings


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国华明英兰秀丽军伟芳娜敏静强磊洋艳勇杰娟涛超霞平刚桂凤玉梅德志宏海波红燕春林辉鹏飞云峰东"
MEMBER_COLUMNS = ["id", "org_id", "org_path", "name", "gender", "ethnicity", "birth_date", "id_number_cipher", "id_number_index", "id_number_masked",
                  "phone_cipher", "phone_masked", "education", "occupation", "category", "stage", "status", "joined_on", "full_member_on",
                  "last_org_life_on", "created_at", "updated_at", "version"]


def members(rows, total, seed):
    """Members spread over the branches, as list and search see them (ciphertexts are placeholders: nothing here decrypts)."""
    rng = random.Random(seed + 1)
    branches = [r for r in rows if r["kind"] == "Branch"]
    for i in range(total):
        org = branches[i % len(branches)]
        birth_year = rng.randint(1940, 2004)
        full = birth_year + rng.randint(22, 40) if birth_year < 1998 else None
        joined = f"{(full or 2025) - 1}-07-01"
        yield [str(uuid.uuid4()), org["id"], org["path"], rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))),
               rng.choice(["Male", "Female"]), "汉族", f"{birth_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "bench", f"{i:064x}",
               "230302********" + f"{i % 10000:04d}", None, None, rng.choice(["SeniorHigh", "College", "Bachelor", "Master"]), None,
               rng.choice(["InService", "Retired", "Farmer", "Student", "Floating"]), "Full" if full and full <= 2026 else "Probationary", "Active",
               joined, f"{full}-07-01" if full and full <= 2026 else None, None, NOW, NOW, 1]


ORG_COLUMNS = ["id", "parent_id", "path", "depth", "child_seq", "region_root_id", "name", "short_name", "kind", "field", "secretary_name",
               "established_on", "term_started_on", "description", "status", "dissolved_on", "created_at", "updated_at", "version"]
GRADING_COLUMNS = ["id", "org_id", "region_root_id", "year", "level", "level_rank", "is_lagging", "score", "comment", "graded_on",
                   "created_at", "updated_at", "version"]
PAIRING_COLUMNS = ["id", "org_id", "partner_org_id", "region_root_id", "kind", "starts_on", "ends_on", "notes", "created_at", "updated_at", "version"]


def org_values(r):
    return [r["id"], r["parent_id"], r["path"], r["depth"], r["child_seq"], r["region_root_id"], r["name"], None, r["kind"], r["field"],
            None, None, r["term_started_on"], None, "Active", None, NOW, NOW, 1]


def grading_values(g, boolean):
    return [g["id"], g["org_id"], g["region_root_id"], g["year"], g["level"], g["level_rank"], boolean(g["is_lagging"]), g["score"], None,
            g["graded_on"], NOW, NOW, 1]


def pairing_values(p):
    return [p["id"], p["org_id"], p["partner_org_id"], p["region_root_id"], p["kind"], p["starts_on"], None, None, NOW, NOW, 1]


def load_sqlite(path, rows, gradings, pairings, member_rows):
    db = sqlite3.connect(path)
    with db:
        db.executemany(f"INSERT INTO members ({','.join(MEMBER_COLUMNS)}) VALUES ({','.join('?' * len(MEMBER_COLUMNS))})", member_rows)
        db.executemany(f"INSERT INTO organizations ({','.join(ORG_COLUMNS)}) VALUES ({','.join('?' * len(ORG_COLUMNS))})", map(org_values, rows))
        db.executemany(f"INSERT INTO gradings ({','.join(GRADING_COLUMNS)}) VALUES ({','.join('?' * len(GRADING_COLUMNS))})",
                       (grading_values(g, int) for g in gradings))
        db.executemany(f"INSERT INTO pairings ({','.join(PAIRING_COLUMNS)}) VALUES ({','.join('?' * len(PAIRING_COLUMNS))})", map(pairing_values, pairings))
        db.execute("UPDATE org_tree_state SET root_seq = 1")
        db.execute("ANALYZE")
    db.close()


def load_postgres(conninfo, rows, gradings, pairings, member_rows):
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, columns, values):
            file = os.path.join(tmp, name)
            with open(file, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                for v in values:
                    w.writerow(["\\N" if x is None else x for x in v])
            return f"\\copy {name.split('.')[0]} ({','.join(columns)}) FROM '{file}' WITH (FORMAT csv, NULL '\\N')"
        commands = [
            write("organizations.csv", ORG_COLUMNS, map(org_values, rows)),
            write("gradings.csv", GRADING_COLUMNS, (grading_values(g, lambda b: "true" if b else "false") for g in gradings)),
            write("pairings.csv", PAIRING_COLUMNS, map(pairing_values, pairings)),
            write("members.csv", MEMBER_COLUMNS, member_rows),
            # VACUUM as well as ANALYZE: a bulk load leaves the visibility map empty until autovacuum gets to it,
            # and until then every index-only scan (the subtree counts) still visits each row. A database that
            # has been running is past that; the benchmark measures that state, not the minute after a load.
            "UPDATE org_tree_state SET root_seq = 1", "VACUUM ANALYZE",
        ]
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", conninfo] + sum((["-c", c] for c in commands), []), check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=10000)
    parser.add_argument("--sqlite")
    parser.add_argument("--postgres", help="libpq conninfo, e.g. 'host=127.0.0.1 port=5432 user=postgres dbname=bench'")
    parser.add_argument("--members", type=int, default=0)
    parser.add_argument("--seed", type=int, default=20261124)
    args = parser.parse_args()
    rows, gradings, pairings = build(args.organizations, args.seed)
    if args.sqlite:
        load_sqlite(args.sqlite, rows, gradings, pairings, members(rows, args.members, args.seed))
    if args.postgres:
        load_postgres(args.postgres, rows, gradings, pairings, members(rows, args.members, args.seed))
    district = next(r for r in rows if r["depth"] == 1)
    branch = next(r for r in rows if r["kind"] == "Branch")
    print(f"root={rows[0]['id']} district={district['id']} branch={branch['id']} organizations={len(rows)} members={args.members} "
          f"gradings={len(gradings)} pairings={len(pairings)} "
          f"max_depth={max(r['depth'] for r in rows)}")


if __name__ == "__main__":
    main()
