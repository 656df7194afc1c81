#!/usr/bin/env python3
"""Writes a member import file (.csv, the template's columns) of N valid, distinct people for the benchmark."""
import argparse, random

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(region, birth, sequence):
    first17 = f"{region:06d}{birth}{sequence:03d}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(7)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("姓名,公民身份号码,人员类别,发展阶段,入党日期,转正日期,学历\n")
        for i in range(args.rows):
            # A region code per 1,000 people keeps every number distinct (and apart from the generated city's).
            birth = f"{rng.randint(1950, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            f.write(f"导入{i},{id_number(410100 + i // 1000, birth, i % 1000)},在职,正式党员,2010-07-01,2011-07-01,本科\n")


if __name__ == "__main__":
    main()
