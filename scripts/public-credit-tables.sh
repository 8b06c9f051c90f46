#!/usr/bin/env bash
# Writes two public credit tables as CSV for the learners' benchmarks (BENCHMARKS.md), from Debian
# packages only, nothing committed:
#   german-credit.csv  Statlog (German Credit Data), UCI, 1,000 loans, target "class" (bad/good), 20 features;
#                      the copy Weka ships (Debian package weka, examples/credit-g.arff).
#   credit-data.csv    "Credit scoring" data of Belanche and Muñoz, 4,454 loans, target "Status" (bad/good),
#                      13 features; the copy in the R package modeldata (Debian r-cran-modeldata, credit_data).
#   credit-data-imbalanced.csv  credit-data with its bad loans thinned (seeded) to about 5% and ten ratios of its
#                      amounts added (debt to income, loan to price, instalment to income...), which overlap and
#                      correlate: the shape of many bank tables, where boosting settings tuned on balanced data fail.
# Installs r-base-core and r-cran-modeldata when Rscript or the package is missing (apt, as root or with sudo);
# Weka's .deb is only downloaded and unpacked, not installed.
# Usage: scripts/public-credit-tables.sh [output directory=target/public-credit]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/target/public-credit}" && cd "${1:-$ROOT/target/public-credit}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
install_missing() {
  as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { as_root apt-get update >/dev/null && as_root apt-get install -y --no-install-recommends "$@" >/dev/null; }
}

# German credit: the ARFF's @data rows are already comma-separated with single-quoted values.
(cd "$WORK" && { apt-get download weka >/dev/null 2>&1 || { as_root apt-get update >/dev/null && apt-get download weka >/dev/null; }; })
dpkg-deb -x "$WORK"/weka_*.deb "$WORK/weka"
python3 - "$WORK/weka/usr/share/doc/weka/examples/credit-g.arff" "$OUT/german-credit.csv" <<'PY'
import csv, sys
names, rows, data = [], [], False
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("%"):
            continue
        if line.lower().startswith("@attribute"):
            names.append(line.split()[1])
        elif line.lower().startswith("@data"):
            data = True
        elif data:
            rows.append(next(csv.reader([line], quotechar="'", skipinitialspace=True)))
if len(rows) != 1000 or any(len(r) != len(names) for r in rows):
    sys.exit(f"credit-g.arff: expected 1000 rows of {len(names)} values, got {len(rows)}")
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(names)
    w.writerows(rows)
PY

command -v Rscript >/dev/null || install_missing r-base-core
Rscript -e 'quit(status = !requireNamespace("modeldata", quietly = TRUE))' 2>/dev/null || install_missing r-cran-modeldata
Rscript -e 'data(credit_data, package = "modeldata"); stopifnot(nrow(credit_data) == 4454);
  write.csv(credit_data, commandArgs(TRUE)[1], row.names = FALSE, na = "")' "$OUT/credit-data.csv"

python3 - "$OUT/credit-data.csv" "$OUT/credit-data-imbalanced.csv" <<'PY'
import csv, random, sys
random.seed(2026)
def ratio(a, b):
    return "" if a == "" or b in ("", "0") else f"{float(a) / float(b):.6g}"
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
bad = sum(r["Status"] == "bad" for r in rows)
keep_bad = 0.05 * (len(rows) - bad) / 0.95 / bad
ratios = {
    "debt_to_income": ("Debt", "Income"), "loan_to_price": ("Amount", "Price"), "expenses_to_income": ("Expenses", "Income"),
    "assets_to_loan": ("Assets", "Amount"), "loan_to_income": ("Amount", "Income"), "debt_to_assets": ("Debt", "Assets"),
    "price_to_income": ("Price", "Income"), "debt_to_loan": ("Debt", "Amount"), "assets_to_income": ("Assets", "Income"),
}
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    names = list(rows[0].keys()) + list(ratios) + ["instalment_to_income"]
    w = csv.DictWriter(f, fieldnames=names)
    w.writeheader()
    for r in rows:
        if r["Status"] == "bad" and random.random() >= keep_bad:
            continue
        for name, (a, b) in ratios.items():
            r[name] = ratio(r[a], r[b])
        instalment = "" if r["Amount"] == "" or r["Time"] in ("", "0") else str(float(r["Amount"]) / float(r["Time"]))
        r["instalment_to_income"] = ratio(instalment, r["Income"])
        w.writerow(r)
PY

wc -l "$OUT/german-credit.csv" "$OUT/credit-data.csv" "$OUT/credit-data-imbalanced.csv"
