#!/usr/bin/python3
"""Reference figures for the learners' benchmarks: scikit-learn's defaults on the same table.

Stratified 5-fold cross-validation (shuffled, seed 42; scikit-learn's own folds, not GreenCredit's)
of HistGradientBoostingClassifier with its defaults (categories as native categorical features) and
of a logistic regression on one-hot categories and standardised numbers (missing values imputed).
Debian: python3-sklearn python3-pandas (run with /usr/bin/python3, which has them).
Usage: scripts/sklearn-reference.py TABLE.csv TARGET POSITIVE [EXCLUDED,COLUMNS]
"""
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

table, target, positive = sys.argv[1:4]
excluded = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else []
data = pd.read_csv(table)
y = (data[target].astype(str) == positive).astype(int).to_numpy()
x = data.drop(columns=[target] + excluded)
categorical = [c for c in x.columns if x[c].dtype == object]
numeric = [c for c in x.columns if c not in categorical]
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)

gbt = make_pipeline(
    ColumnTransformer([("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), categorical)],
                      remainder="passthrough"),
    HistGradientBoostingClassifier(categorical_features=list(range(len(categorical))), random_state=42))
logistic = make_pipeline(
    ColumnTransformer([("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), categorical),
                       ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric)]),
    LogisticRegression(max_iter=2000))
for name, model in [("HistGradientBoostingClassifier()", gbt), ("LogisticRegression (one-hot, standardised)", logistic)]:
    auc = cross_val_score(model, x, y, cv=folds, scoring="roc_auc")
    print(f"{table}\t{name}\tmean AUC {auc.mean():.4f}\tsd {auc.std(ddof=1):.4f}")
