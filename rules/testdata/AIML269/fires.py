from scipy.stats import ks_2samp, zscore
import scipy.stats as st
from scipy import stats
from sklearn.preprocessing import StandardScaler, MinMaxScaler, scale, robust_scale


def amount_drift(ref_df, cur_df):
    stat, p = ks_2samp(zscore(ref_df["amount"]), zscore(cur_df["amount"]))  # want: AIML269
    return p < 0.01


def scaled_names(ref_df, cur_df):
    ref = StandardScaler().fit_transform(ref_df[["amount"]]).ravel()
    cur = StandardScaler().fit_transform(cur_df[["amount"]]).ravel()
    return ks_2samp(ref, cur).pvalue < 0.01  # want: AIML269


def sklearn_functions(reference, current):
    return st.mannwhitneyu(  # want: AIML269
        scale(reference),
        robust_scale(current),
    )


class DriftMonitor:
    def __init__(self):
        self.scaler = MinMaxScaler()

    def check(self, reference, current):
        r = self.scaler.fit_transform(reference)
        c = self.scaler.fit_transform(current)
        return stats.wasserstein_distance(r[:, 0], c[:, 0])  # want: AIML269


def per_column(ref, cur, cols):
    out = {}
    for col in cols:
        out[col] = stats.ttest_ind(zscore(ref[col]), zscore(cur[col]), equal_var=False)  # want: AIML269
    return out


def cvm(ref, cur):
    a = zscore(ref, nan_policy="omit")
    return st.cramervonmises_2samp(a, zscore(cur, nan_policy="omit")).pvalue  # want: AIML269
