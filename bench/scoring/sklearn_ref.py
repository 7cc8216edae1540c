"""Reference fits with scikit-learn (Debian python3-sklearn) for bench/scoring/*.ts.

Reads one JSON job from stdin:
  {"csv", "sep", "target", "positive", "kinds": {column: kind}, "numeric": "bins"|"standard",
   "test": [row indices] or null (then train_test_split stratified, seed 42), "rowsWithTarget": [...]}
and prints one JSON line: auc, brier, ece, fitSeconds, testIndices (the split used), iterations.
The pipeline mirrors ours: numerics in 10 quantile bins (missing: its own indicator) or
standardised; categoricals and binaries one-hot with missing as a value; L2 logistic
regression, lbfgs, C = 1.
"""
import csv
import json
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore")
job = json.load(sys.stdin)
with open(job["csv"], newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f, delimiter=job["sep"])
    header = [h.strip() for h in next(reader)]
    rows = [r for r in reader if r]
target = header.index(job["target"])
rows = [r for r in rows if r[target].strip() != ""]
y = np.array([1 if r[target].strip() == job["positive"] else 0 for r in rows])
kinds = job["kinds"]
num = [header.index(c) for c, k in kinds.items() if k == "numeric"]
cat = [header.index(c) for c, k in kinds.items() if k in ("categorical", "binary")]


def number(v):
    try:
        return float(v)
    except ValueError:
        return np.nan


Xnum = np.array([[number(r[c]) for c in num] for r in rows], dtype=float).reshape(len(rows), len(num))
Xcat = np.array([[r[c].strip() or "__missing__" for c in cat] for r in rows], dtype=object).reshape(len(rows), len(cat))

if job.get("test") is None:
    idx = np.arange(len(rows))
    tr, te = train_test_split(idx, test_size=0.25, stratify=y, random_state=42)
else:
    te = np.array(sorted(job["test"]))
    mask = np.ones(len(rows), bool)
    mask[te] = False
    tr = np.arange(len(rows))[mask]

if job.get("numeric", "bins") == "standard":
    numeric_pipe = make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler())
else:
    numeric_pipe = make_pipeline(
        SimpleImputer(strategy="median", add_indicator=True),
        KBinsDiscretizer(n_bins=10, encode="onehot", strategy="quantile"),
    )
onehot = OneHotEncoder(handle_unknown="ignore")
parts_tr, parts_te = [], []
if num:
    parts_tr.append(sp.csr_matrix(numeric_pipe.fit_transform(Xnum[tr])))
    parts_te.append(sp.csr_matrix(numeric_pipe.transform(Xnum[te])))
if cat:
    parts_tr.append(onehot.fit_transform(Xcat[tr]))
    parts_te.append(onehot.transform(Xcat[te]))
Xtr = sp.hstack(parts_tr).tocsr()
Xte = sp.hstack(parts_te).tocsr()
if job.get("dense"):
    Xtr, Xte = Xtr.toarray(), Xte.toarray()
clf = LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000)
t0 = time.perf_counter()
clf.fit(Xtr, y[tr])
fit_seconds = time.perf_counter() - t0
p_te = clf.predict_proba(Xte)[:, 1]
auc = roc_auc_score(y[te], p_te)
brier = float(np.mean((p_te - y[te]) ** 2))
# Expected calibration error on 10 equal-width bins (p = 1 in the last), as src/scoring/metrics.ts.
bins = np.minimum((p_te * 10).astype(int), 9)
ece = float(sum(abs(p_te[bins == b].mean() - y[te][bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()) / len(te))
print(json.dumps({"auc": auc, "brier": brier, "ece": ece, "fitSeconds": fit_seconds, "iterations": int(clf.n_iter_[0]), "features": int(Xtr.shape[1]), "testIndices": [int(i) for i in te]}))
