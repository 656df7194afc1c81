#!/usr/bin/env python3
"""Fixture and checks for scripts/bench/dividends.sh, straight in the database (SQLite file or PostgreSQL via psql):

  register   a collective of N shareholders (households of three, a population share each and 0-30 labour-age
             shares) under an existing organization; prints "collective=... population=... labour=...".
  approve    turns a saved plan into an approved one without a payout list (what the approval steps would leave);
             prints its version, for the If-Match of the payout list's request.
  listed     prints "payouts payouts_sum_fen plan_total_fen lines_paying" of a plan, for the payout list's Σ check.
  payouts    leaves unpaid payouts for the first M lines of a plan: the list the API made, cut to M, or (when the
             API made none) an approved plan's list written here (what the approval steps and the payout list
             would leave); prints the count.
  plan       prints "pool_fen total_fen lines_sum_fen lines" of a plan, for the exact-sum check.
  paid       prints "payouts paid bumped" of a plan: bumped counts payouts whose version moved more than once,
             which a second confirmation of the same payout would leave behind.
"""
import argparse, csv, os, random, subprocess, sqlite3, tempfile, uuid

NOW = "2026-11-01T00:00:00.0000000Z"
NOW_PG = "2026-11-01 00:00:00"
SHARES_FROM = "2020-01-01"


class Db:
    def __init__(self, sqlite_path, postgres):
        self.sqlite = sqlite3.connect(sqlite_path, timeout=60) if sqlite_path else None
        self.postgres = postgres

    def now(self):
        return NOW if self.sqlite else NOW_PG

    def query(self, sql):
        if self.sqlite:
            return [list(r) for r in self.sqlite.execute(sql).fetchall()]
        out = subprocess.run(["psql", "-At", "-F", " ", "-v", "ON_ERROR_STOP=1", self.postgres, "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        return [line.split(" ") for line in out.splitlines() if line]

    def execute(self, sql):
        if self.sqlite:
            self.sqlite.execute(sql)
            self.sqlite.commit()
        else:
            subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", self.postgres, "-c", sql], check=True)

    def load(self, tables):
        """tables: [(name, columns, rows)] in one transaction."""
        if self.sqlite:
            with self.sqlite:
                for name, columns, rows in tables:
                    marks = ",".join("?" * len(columns))
                    self.sqlite.executemany(f"INSERT INTO {name} ({','.join(columns)}) VALUES ({marks})", rows)
            return
        with tempfile.TemporaryDirectory() as tmp:
            commands = ["BEGIN"]
            for name, columns, rows in tables:
                path = os.path.join(tmp, name + ".csv")
                with open(path, "w", newline="") as f:
                    w = csv.writer(f)
                    for row in rows:
                        w.writerow(["\\N" if v is None else v for v in row])
                commands.append(f"\\copy {name} ({','.join(columns)}) FROM '{path}' WITH (FORMAT csv, NULL '\\N')")
            commands.append("COMMIT")
            subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", self.postgres]
                           + sum((["-c", c] for c in commands), []), check=True)


def register(db, n, org_id, seed):
    rng = random.Random(seed)
    org_path, region = db.query(
        f"SELECT path, COALESCE(region_root_id, id) FROM organizations WHERE id = '{org_id}'")[0]
    now = db.now()
    collective = str(uuid.uuid4())
    population, labour = str(uuid.uuid4()), str(uuid.uuid4())
    code = "N2" + "410611" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(10))
    collectives = [(collective, org_id, org_path, region, f"基准测试股份经济合作社{collective[:6]}", "StockCooperative",
                    code, 0, "Static", now, now, 1)]
    types = [(population, collective, "人口股", "Population", 10000, 0, now, now, 1),
             (labour, collective, "农龄股", "LabourAge", 5000, 1, now, now, 1)]
    households, members, lines, holdings = [], [], [], []
    change = str(uuid.uuid4())
    changes = [(change, collective, org_path, region, "Initial", SHARES_FROM, "基准测试初始配股", "bench", now)]
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
    given = "建国秀英志强桂兰海军玉兰永刚淑珍福生凤英春雷秀芝新民翠花德明春梅"
    household = None
    line_no = 0
    for i in range(n):
        member = str(uuid.uuid4())
        if i % 3 == 0:
            household = str(uuid.uuid4())
            households.append((household, collective, org_id, org_path, region, f"B{i // 3 + 1:06d}", None, member, None,
                               SHARES_FROM, now, now, 1))
        year = rng.randint(1940, 2015)
        male = rng.random() < 0.5
        members.append((member, collective, household, org_id, org_path, region,
                        rng.choice(surnames) + rng.choice(given) + rng.choice(given), "Male" if male else "Female",
                        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "Head" if i % 3 == 0 else "Child",
                        "bench-cipher", f"bench-{collective[:8]}-{i}", f"410611********{i % 1000:03d}{'1' if male else '2'}",
                        None, None, None, "Active", None, None, now, now, 1))
        for share_type, quantity in ((population, 1), (labour, rng.randint(0, 30))):
            if quantity == 0:
                continue
            line_no += 1
            lines.append((change, line_no, collective, member, share_type, SHARES_FROM, quantity))
            holdings.append((member, share_type, collective, quantity, 1))
    db.load([
        ("collectives", ["id", "org_id", "org_path", "region_root_id", "name", "kind", "credit_code",
                         "land_transferred_centimu", "share_management", "created_at", "updated_at", "version"],
         collectives),
        ("collective_share_types", ["id", "collective_id", "name", "kind", "weight_ten_thousandths", "sort_order",
                                    "created_at", "updated_at", "version"], types),
        ("collective_households", ["id", "collective_id", "org_id", "org_path", "region_root_id", "number", "address",
                                   "head_member_id", "split_from_id", "created_on", "created_at", "updated_at",
                                   "version"], households),
        ("collective_members", ["id", "collective_id", "household_id", "org_id", "org_path", "region_root_id", "name",
                                "gender", "birth_date", "relation", "id_number_cipher", "id_number_index",
                                "id_number_masked", "bank_account_cipher", "bank_account_masked", "bank_name",
                                "status", "status_on", "confirmation_id", "created_at", "updated_at", "version"],
         members),
        ("collective_share_changes", ["id", "collective_id", "org_path", "region_root_id", "kind", "effective_on",
                                      "reason", "recorded_by", "recorded_at"], changes),
        ("collective_share_change_lines", ["change_id", "line_no", "collective_id", "member_id", "share_type_id",
                                           "effective_on", "delta"], lines),
        ("collective_share_holdings", ["member_id", "share_type_id", "collective_id", "quantity", "version"],
         holdings),
    ])
    print(f"collective={collective} population={population} labour={labour}")


def approve(db, plan):
    now = db.now()
    db.execute(f"UPDATE dividend_plans SET stage = 'Approved', approved_by_name = 'bench', approved_at = '{now}', "
               f"version = version + 1 WHERE id = '{plan}'")
    print(db.query(f"SELECT version FROM dividend_plans WHERE id = '{plan}'")[0][0])


def payouts(db, plan, m):
    now = db.now()
    if int(db.query(f"SELECT COUNT(*) FROM dividend_payouts WHERE plan_id = '{plan}'")[0][0]) > 0:
        # The list the API made: the confirmations work on its first M payouts.
        db.execute(f"DELETE FROM dividend_payouts WHERE plan_id = '{plan}' AND line_no > {m}")
        print(db.query(f"SELECT COUNT(*) FROM dividend_payouts WHERE plan_id = '{plan}'")[0][0])
        return
    db.execute(f"UPDATE dividend_plans SET stage = 'Approved', approved_by_name = 'bench', approved_at = '{now}', "
               f"payouts_created_at = '{now}', version = version + 1 WHERE id = '{plan}'")
    # One unpaid payout per plan line, as the payout list makes them (its INSERT ... SELECT, for M lines at once).
    key = "'L' || CAST(l.line_no AS TEXT)" if db.sqlite else "'L' || l.line_no::text"
    new_id = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' "
              "|| substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))") if db.sqlite else "gen_random_uuid()"
    db.execute(f"""
        INSERT INTO dividend_payouts (id, plan_id, entry_key, line_no, collective_id, org_path, region_root_id,
            household_id, payee_id, name, kind, related_id, amount_fen, status, created_at, version)
        SELECT {new_id}, l.plan_id, {key}, l.line_no, p.collective_id, p.org_path, p.region_root_id,
            l.household_id, l.payee_id, l.name, 'Payout', NULL, l.amount_fen, 'Unpaid', '{now}', 1
        FROM dividend_plan_lines l JOIN dividend_plans p ON p.id = l.plan_id
        WHERE l.plan_id = '{plan}' AND l.line_no <= {m} AND l.amount_fen > 0""")
    print(db.query(f"SELECT COUNT(*) FROM dividend_payouts WHERE plan_id = '{plan}'")[0][0])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["register", "approve", "listed", "payouts", "plan", "paid"])
    p.add_argument("--sqlite")
    p.add_argument("--postgres")
    p.add_argument("--shareholders", type=int, default=100000)
    p.add_argument("--organization")
    p.add_argument("--plan")
    p.add_argument("--payouts", type=int, default=10000)
    a = p.parse_args()
    db = Db(a.sqlite, a.postgres)
    if a.command == "register":
        register(db, a.shareholders, a.organization, 2026)
    elif a.command == "approve":
        approve(db, a.plan)
    elif a.command == "listed":
        row = db.query(f"""
            SELECT (SELECT COUNT(*) FROM dividend_payouts WHERE plan_id = '{a.plan}'),
                (SELECT COALESCE(SUM(amount_fen), 0) FROM dividend_payouts WHERE plan_id = '{a.plan}'),
                (SELECT total_fen FROM dividend_plans WHERE id = '{a.plan}'),
                (SELECT COUNT(*) FROM dividend_plan_lines WHERE plan_id = '{a.plan}' AND amount_fen > 0)""")[0]
        print(" ".join(str(v) for v in row))
    elif a.command == "payouts":
        payouts(db, a.plan, a.payouts)
    elif a.command == "plan":
        row = db.query(f"""
            SELECT (SELECT SUM(pool_fen) FROM dividend_plan_parts WHERE plan_id = '{a.plan}'),
                (SELECT total_fen FROM dividend_plans WHERE id = '{a.plan}'),
                (SELECT SUM(amount_fen) FROM dividend_plan_lines WHERE plan_id = '{a.plan}'),
                (SELECT COUNT(*) FROM dividend_plan_lines WHERE plan_id = '{a.plan}')""")[0]
        print(" ".join(str(v) for v in row))
    else:
        row = db.query(f"""
            SELECT COUNT(*), SUM(CASE WHEN status = 'Paid' THEN 1 ELSE 0 END),
                SUM(CASE WHEN version > 2 THEN 1 ELSE 0 END)
            FROM dividend_payouts WHERE plan_id = '{a.plan}'""")[0]
        print(" ".join(str(v) for v in row))


if __name__ == "__main__":
    main()
