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
