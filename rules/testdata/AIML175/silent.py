# Spec example (silent), then look-alikes that must not fire.
import numpy as np
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline, Pipeline
from sklearn.model_selection import train_test_split, cross_val_score, learning_curve
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
X_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)

# Sampler inside an imblearn pipeline passed to CV.
cross_val_score(make_pipeline(SMOTE(), LogisticRegression()), X, y, cv=5)
pipe = Pipeline([("smote", SMOTE()), ("clf", LogisticRegression())])
cross_val_score(pipe, X, y)

# sklearn transformer fitted before the split: owned by AIML170, not 175.
X_s = StandardScaler().fit_transform(X)  # want: AIML170
train_test_split(X_s, y)

# Resampled names reassigned before the split.
X_r, y_r = SMOTE().fit_resample(X, y)
X_r, y_r = X, y
train_test_split(X_r, y_r)

# Resampled data passed as stratify= only, or transformed, not by name.
X_q, y_q = SMOTE().fit_resample(X, y)
train_test_split(X, y, stratify=y_q[:100])
train_test_split(X_q[:, :2], y)

# A CV function the spec does not name for 175 (learning_curve).
X_l, y_l = SMOTE().fit_resample(X, y)
learning_curve(LogisticRegression(), X_l, y_l)

# Not an imblearn sampler (untyped, or a local class with the same method).
X_v, y_v = sampler.fit_resample(X, y)
train_test_split(X_v, y_v)


class MySampler:
    def fit_resample(self, X, y):
        return X, y


X_m, y_m = MySampler().fit_resample(X, y)
train_test_split(X_m, y_m)

# Not a tuple unpacking.
res = SMOTE().fit_resample(X, y)
train_test_split(*res)

# Names from a different scope.
X_g, y_g = SMOTE().fit_resample(X, y)


def later():
    return train_test_split(X_g, y_g)
