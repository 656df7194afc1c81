#!/usr/bin/env python3
"""Writes a member import file of N valid, distinct people for the benchmark, in the template's columns:
.xlsx (what staff send; a plain Office Open XML workbook written with the standard library) or .csv, by the
name given to --out."""
import argparse, random, zipfile
from xml.sax.saxutils import escape

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
HEADER = ["姓名", "公民身份号码", "人员类别", "发展阶段", "入党日期", "转正日期", "学历"]


def id_number(region, birth, sequence):
    first17 = f"{region:06d}{birth}{sequence:03d}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def rows(count):
    rng = random.Random(7)
    for i in range(count):
        # A region code per 1,000 people keeps every number distinct (and apart from the generated city's).
        birth = f"{rng.randint(1950, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        yield [f"导入{i}", id_number(410100 + i // 1000, birth, i % 1000), "在职", "正式党员", "2010-07-01", "2011-07-01", "本科"]


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path, data):
    """Every cell a shared string (as Excel itself writes text), so ID numbers keep all 18 characters."""
    strings, index = [], {}

    def shared(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    sheet_rows = []
    for r, values in enumerate(data, start=1):
        cells = "".join(f'<c r="{column(c)}{r}" t="s"><v>{shared(v)}</v></c>' for c, v in enumerate(values))
        sheet_rows.append(f'<row r="{r}">{cells}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="党员" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}"><sheetData>'
            + "".join(sheet_rows) + "</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--out", required=True, help="file.xlsx or file.csv")
    args = parser.parse_args()
    data = [HEADER, *rows(args.rows)]
    if args.out.endswith(".xlsx"):
        write_xlsx(args.out, data)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.writelines(",".join(r) + "\n" for r in data)


if __name__ == "__main__":
    main()
