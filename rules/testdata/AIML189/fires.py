# Spec example (fires), then variants.
from datetime import timedelta

from feast import FeatureView, FileSource

driver_stats = FeatureView(  # want: AIML189
    name="driver_stats", entities=[driver], ttl=timedelta(days=1),
    source=FileSource(path="data/driver_stats.parquet", timestamp_field="event_timestamp"),
)

# schema=None and schema=[] declare nothing either.
trips = FeatureView(name="trips", entities=[driver], source=trips_src, schema=None)  # want: AIML189
rides = FeatureView(name="rides", entities=[driver], source=rides_src, schema=[])  # want: AIML189

# Module path, aliased import.
from feast.feature_view import FeatureView as FV

customers = FV(name="customers", entities=[customer], source=customers_src, ttl=timedelta(days=7))  # want: AIML189

# BatchFeatureView (top level and module path), multi-line.
import feast

batch = feast.BatchFeatureView(  # want: AIML189
    name="batch",
    entities=[driver],
    source=batch_src,
)
batch2 = feast.batch_feature_view.BatchFeatureView(name="batch2", entities=[driver], source=batch_src)  # want: AIML189


# Built inside a class method.
class Repo:
    def views(self):
        return [feast.FeatureView(name=n, entities=[driver], source=self.source) for n in ("a", "b")]  # want: AIML189
