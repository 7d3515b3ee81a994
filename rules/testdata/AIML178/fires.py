# Spec example (fires), then variants.
from alibi_detect.cd import KSDrift


def check_batch(batch):
    detector = KSDrift(batch, p_val=0.05)
    preds = detector.predict(batch)  # want: AIML178
    return bool(preds["data"]["is_drift"])


# Keyword forms x_ref= / x=, submodule class, aliased import, attribute chain.
from alibi_detect.cd.tabular import TabularDrift as TD


def check_frame(ctx):
    cd = TD(x_ref=ctx.features.values, p_val=0.01)
    return cd.predict(x=ctx.features.values)["data"]["is_drift"]  # want: AIML178


# Chained construction, subscript chain, module alias, multi-line call.
import alibi_detect.cd as cds


def check_column(data):
    result = cds.MMDDrift(data["emb"], backend="pytorch").predict(  # want: AIML178
        data["emb"],
    )
    return result["data"]["p_val"]


# A self attribute refreshed from the batch inside a method.
class Monitor:
    def observe(self, batch):
        self.detector = KSDrift(batch)
        if self.detector.predict(batch)["data"]["is_drift"]:  # want: AIML178
            alert()


# evidently legacy Report with a drift preset, same frame as reference and current.
from evidently.report import Report
from evidently.metric_preset import DataDriftPreset


def weekly(df):
    report = Report(metrics=[DataDriftPreset()])
    report.run(reference_data=df, current_data=df)  # want: AIML178
    return report.as_dict()


# evidently 0.7+ Report (positional current, reference), chained construction.
from evidently import Report as NewReport
from evidently import metrics


def daily(frame, mask):
    return NewReport([metrics.ValueDrift(column="amount")]).run(frame.loc[mask], frame.loc[mask])  # want: AIML178


# Legacy TestSuite typed at module level, tests= keyword.
from evidently.test_suite import TestSuite
from evidently.tests import TestColumnDrift

SUITE = TestSuite(tests=[TestColumnDrift(column_name="amount")])


def gate(batch):
    SUITE.run(current_data=batch, reference_data=batch)  # want: AIML178
    return SUITE.as_dict()
