# Spec example (fires), then variants.
from feast import FeatureView, Field, PushSource
from feast.types import Int64

txn_push = PushSource(name="txn_push", batch_source=txn_batch)
txn_velocity = FeatureView(  # want: AIML186
    name="txn_velocity", entities=[card], source=txn_push,
    schema=[Field(name="txn_count_10m", dtype=Int64)],
)

# Explicit zero ttl (reported at the ttl= keyword), inline KafkaSource.
from datetime import timedelta
from feast import KafkaSource

clicks = FeatureView(
    name="clicks",
    entities=[user],
    ttl=timedelta(days=0),  # want: AIML186
    source=KafkaSource(name="clicks_kafka", kafka_bootstrap_servers="kafka:9092", topic="clicks",
                       timestamp_field="ts", batch_source=clicks_batch, message_format=fmt),
    schema=[Field(name="clicks_5m", dtype=Int64)],
)

# StreamFeatureView under its module path, ttl=None, aliased import.
from feast.stream_feature_view import StreamFeatureView as SFV

sessions = SFV(name="sessions", entities=[user], ttl=None, source=sessions_stream, schema=[])  # want: AIML186

# Module import, timedelta() with no arguments and with keyword zeros, Kinesis source.
import datetime
import feast

SCHEMA = [Field(name="events_1h", dtype=Int64)]

events_src = feast.KinesisSource(name="events", region="us-east-1", stream_name="events",
                                 timestamp_field="ts", batch_source=events_batch, record_format=fmt)
events = feast.FeatureView(name="events", entities=[user], source=events_src, schema=SCHEMA, ttl=datetime.timedelta())  # want: AIML186
events_zero = feast.feature_view.FeatureView(
    name="events_zero", entities=[user], source=events_src, schema=SCHEMA,
    ttl=datetime.timedelta(hours=0, minutes=0.0),  # want: AIML186
)


# Inside a function: the push source is assigned in the same SCOPE.
def build_views(batch):
    src = feast.data_source.PushSource(name="velocity_push", batch_source=batch)
    return [FeatureView(name="velocity", entities=[card], source=src, online=True, schema=SCHEMA)]  # want: AIML186


# Inside a class body method, StreamFeatureView needs no push source.
class Registry:
    def views(self):
        return feast.StreamFeatureView(name="live", entities=[card], source=self.source, timestamp_field="ts")  # want: AIML186
