# Spec example (fires), then variants.
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_scaled = StandardScaler().fit_transform(X)  # want: AIML170
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.2, random_state=7)

# Module alias for model_selection; a scaler bound to a local name.
import sklearn.model_selection as ms
from sklearn.preprocessing import MinMaxScaler as MMS

mm = MMS()
X_mm = mm.fit_transform(X)  # want: AIML170
parts = ms.train_test_split(X_mm, y, random_state=0)

# fit on all data, then transform the same name, then CV (X positional 1).
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

pca = PCA(n_components=2)
pca.fit(X)  # want: AIML170
X_pca = pca.transform(X)
scores = cross_val_score(LogisticRegression(), X_pca, y, cv=5)


# Inside a function: imputer, multi-line call, CV with X= keyword.
from sklearn.impute import SimpleImputer as Imp
from sklearn.model_selection import cross_validate as cv_all


def evaluate(frame, labels):
    filled = Imp(
        strategy="median",
    ).fit_transform(  # want: AIML170
        frame,
    )
    return cv_all(
        LogisticRegression(),
        X=filled,
        y=labels,
    )


# Class method: selector on a self attribute, learning_curve.
from sklearn.feature_selection import SelectKBest
from sklearn.model_selection import learning_curve


class Experiment:
    def __init__(self):
        self.selector = SelectKBest(k=3)

    def run(self, X, y):
        X_sel = self.selector.fit_transform(X, y)  # want: AIML170
        return learning_curve(LogisticRegression(), X_sel, y)


# Vectorizer on the whole corpus, then train_test_split of several arrays.
from sklearn.feature_extraction.text import TfidfVectorizer

docs = ["a b", "b c", "c d", "d e"]
ids = [1, 2, 3, 4]
tfidf = TfidfVectorizer()
X_text = tfidf.fit_transform(docs)  # want: AIML170
Xt_tr, Xt_te, id_tr, id_te = train_test_split(X_text, ids)

# KBinsDiscretizer and TargetEncoder; permutation_test_score / validation_curve.
from sklearn.preprocessing import KBinsDiscretizer, TargetEncoder
from sklearn.model_selection import permutation_test_score, validation_curve

X_bins = KBinsDiscretizer(n_bins=3).fit_transform(X)  # want: AIML170
permutation_test_score(LogisticRegression(), X_bins, y)
X_te = TargetEncoder().fit_transform(X, y)  # want: AIML170
validation_curve(LogisticRegression(), X_te, y, param_name="C", param_range=[0.1, 1.0])

# Whole-package import; scaled array passed in parentheses to cross_val_predict.
import sklearn

X_rob = sklearn.preprocessing.RobustScaler().fit_transform(X)  # want: AIML170
pred = sklearn.model_selection.cross_val_predict(LogisticRegression(), (X_rob), y)


# Inside __main__-style function scope with UMAP reducer.
def embed(X, y):
    import umap

    emb = umap.UMAP().fit_transform(X)  # want: AIML170
    return train_test_split(emb, y)


# The scaled result rebinds the original name before the split.
def rebind(X, y):
    X = StandardScaler().fit_transform(X)  # want: AIML170
    return train_test_split(X, y, test_size=0.2)


# --- Notebook spellings: a column fitted on all rows, then the frame split ---
import pandas as pd

df = pd.read_csv("train.csv")
df["amount"] = StandardScaler().fit_transform(df[["amount"]])  # want: AIML170
train_df, test_df = train_test_split(df, test_size=0.2)


# .loc column store; the features are selected with .drop(...) into a name.
def loc_store(frame, cols):
    sc = MMS()
    frame.loc[:, cols] = sc.fit_transform(frame[cols])  # want: AIML170
    features = frame.drop("label", axis=1)
    return train_test_split(features, frame["label"], random_state=0)


from sklearn.impute import SimpleImputer as SimpleImputerAlias


# Column store, the frame rebound from a drop, then .values into a name, then CV.
def values_cv(frame):
    frame[["a", "b"]] = SimpleImputerAlias(strategy="mean").fit_transform(frame[["a", "b"]])  # want: AIML170
    frame = frame.drop(columns=["id"])
    X_all = frame.values
    return cross_val_score(LogisticRegression(), X_all, frame["y"].values)


# Column store; the selection goes inline into the split.
def inline_selection(frame):
    pca2 = PCA(n_components=1)
    frame["pc1"] = pca2.fit_transform(frame[["u", "v"]])  # want: AIML170
    return train_test_split(frame[["pc1", "w"]], frame["target"], test_size=0.3)


# fit on a name, the transform stored into a column of it, the frame split.
def fit_then_store(frame):
    rs = RobustScalerAlias()
    rs.fit(frame)  # want: AIML170
    frame[:] = rs.transform(frame)
    return train_test_split(frame)


from sklearn.preprocessing import RobustScaler as RobustScalerAlias


# --- Manual holdouts as the split ---
def head_tail(X, y):
    n = int(0.8 * len(X))
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    X_train, X_test = X_s[:n], X_s[n:]
    return X_train, X_test


def inline_bound(X):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    X_train = X_s[: int(0.8 * len(X))]
    X_test = X_s[int(0.8 * len(X)) :]
    return X_train, X_test


def iloc_holdout(frame, n_test):
    frame["z"] = StandardScaler().fit_transform(frame[["z"]])  # want: AIML170
    train = frame.iloc[:-n_test].copy()
    test = frame.iloc[-n_test:].copy()
    return train, test


def two_d_slices(X, k):
    X_p = PCA(n_components=3).fit_transform(X)  # want: AIML170
    A, B = X_p[:k, :], X_p[k:, :]
    return A, B


def permutation_indices(X):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    perm = np.random.permutation(len(X_s))
    tr_idx, te_idx = perm[:80], perm[80:]
    X_tr = X_s[tr_idx]
    X_te = X_s[te_idx]
    return X_tr, X_te


def split_indices(X, y):
    X_s = StandardScaler().fit_transform(X)  # want: AIML170
    idx_train, idx_test = train_test_split(np.arange(len(X_s)), test_size=0.2)
    part_train = X_s[idx_train]
    part_test = X_s[idx_test]
    return part_train, part_test


# The course-template spelling: fit on a column slice, the transform stored back, then split.
def template(dataset):
    X_t = dataset.iloc[:, :-1].values
    y_t = dataset.iloc[:, 3].values
    imputer = Imp(missing_values=np.nan, strategy="mean")
    imputer = imputer.fit(X_t[:, 1:3])  # want: AIML170
    X_t[:, 1:3] = imputer.transform(X_t[:, 1:3])
    return train_test_split(X_t, y_t, test_size=0.2, random_state=0)
