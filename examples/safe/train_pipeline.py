"""Split first, fit preprocessing on the training split only, resample inside CV."""
import joblib
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.preprocessing import StandardScaler


def main():
    df = pd.read_parquet("data/transactions.parquet")
    X, y = df.drop(columns=["fraud"]), df["fraud"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
    X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)

    scaler = StandardScaler().fit(X_train)
    X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)

    clf = LogisticRegression(max_iter=1000).fit(X_train_s, y_train)
    print("holdout", clf.score(X_test_s, y_test))

    pipe = make_pipeline(SMOTE(random_state=0), StandardScaler(), LogisticRegression())
    print("cv", cross_val_score(pipe, X, y, cv=5).mean())

    joblib.dump(scaler, "artifacts/feature_scaler.joblib")


if __name__ == "__main__":
    main()
