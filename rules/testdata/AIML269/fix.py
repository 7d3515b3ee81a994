from scipy.stats import ks_2samp, zscore
from sklearn.preprocessing import StandardScaler


def amount_drift(ref_df, cur_df):
    stat, p = ks_2samp(zscore(ref_df["amount"]), zscore(cur_df["amount"]))  # want: AIML269
    return p < 0.01


def inline_scalers(ref, cur):
    return ks_2samp(  # want: AIML269
        StandardScaler().fit_transform(ref),
        StandardScaler().fit_transform(cur),
    )


def named(ref, cur):
    a = zscore(ref)
    b = zscore(cur)
    return ks_2samp(a, b)  # want: AIML269
