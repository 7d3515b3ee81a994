from scipy.stats import ks_2samp, kstest, zscore
from sklearn.preprocessing import StandardScaler


def amount_drift(ref_df, cur_df, scaler):
    ref = scaler.transform(ref_df[["amount"]]).ravel()
    cur = scaler.transform(cur_df[["amount"]]).ravel()
    return ks_2samp(ref, cur).pvalue < 0.01


def shared_scaler(ref_df, cur_df):
    sc = StandardScaler().fit(ref_df)
    return ks_2samp(sc.transform(ref_df)[:, 0], sc.transform(cur_df)[:, 0])


def raw(ref, cur):
    return ks_2samp(ref, cur)


def one_side(ref, cur):
    return ks_2samp(ref, zscore(cur))


def normality(x):
    return kstest(zscore(x), "norm")


def same_sample(x):
    return ks_2samp(zscore(x), zscore(x))


def rebound(ref, cur):
    a = zscore(ref)
    a = ref
    return ks_2samp(a, zscore(cur))
