# Spec example (silent), then look-alikes that must not fire.
from datetime import timedelta

import feast
from feast import FeatureView, Field, FileSource, OnDemandFeatureView, StreamFeatureView
from feast.types import Float32

driver_stats = FeatureView(
    name="driver_stats", entities=[driver], ttl=timedelta(days=1),
    schema=[Field(name="conv_rate", dtype=Float32), Field(name="acc_rate", dtype=Float32)],
    source=FileSource(path="data/driver_stats.parquet", timestamp_field="event_timestamp"),
)

# Non-literal schema.
SCHEMA = [Field(name="conv_rate", dtype=Float32)]
trips = FeatureView(name="trips", entities=[driver], source=trips_src, schema=SCHEMA)

# Legacy features= keyword.
legacy = FeatureView(name="legacy", entities=[driver], source=trips_src, features=[Field(name="x", dtype=Float32)])

# StreamFeatureView and OnDemandFeatureView are out of scope.
stream = StreamFeatureView(name="stream", entities=[driver], source=stream_src, ttl=timedelta(hours=1))
odfv = OnDemandFeatureView(name="odfv", sources=[driver_stats], schema=[], udf=lambda df: df)


# Options through **kwargs.
def build(**opts):
    return feast.FeatureView(name="opts", entities=[driver], **opts)


# Another library's FeatureView.
from mylib.views import FeatureView as OwnView

own = OwnView(name="own")
