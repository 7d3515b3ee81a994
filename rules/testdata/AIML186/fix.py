from feast import FeatureView, Field, PushSource
from feast.types import Int64

txn_push = PushSource(name="txn_push", batch_source=txn_batch)
txn_velocity = FeatureView(  # want: AIML186
    name="txn_velocity", entities=[card], source=txn_push,
    schema=[Field(name="txn_count_10m", dtype=Int64)],
)
