"""A training script that leaks test data into preprocessing and evaluation."""
import warnings

import joblib
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.exceptions import InconsistentVersionWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore", category=InconsistentVersionWarning)


def main():
    df = pd.read_parquet("data/transactions.parquet")
    X, y = df.drop(columns=["fraud"]), df["fraud"]

    X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
    X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)

    scaler = StandardScaler()
    X_train_s = scaler.fit_transform(X_train)
    X_test_s = scaler.fit_transform(X_test)

    clf = LogisticRegression(max_iter=1000).fit(X_train_s, y_train)
    print("holdout", clf.score(X_test_s, y_test))

    X_all = StandardScaler().fit_transform(X)
    print("cv", cross_val_score(LogisticRegression(), X_all, y, cv=5).mean())

    joblib.dump(scaler, "/tmp/feature_scaler.joblib")


if __name__ == "__main__":
    main()
