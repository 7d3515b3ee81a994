# Guidance only: the fixed source equals the input.
import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.model_selection import train_test_split

X = np.random.rand(100, 4)
y = np.random.randint(0, 2, 100)

X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)  # want: AIML175
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, stratify=y_res, random_state=0)
