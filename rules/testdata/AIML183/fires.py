# Spec example (fires), then variants.
from feast.feast_object import ALL_RESOURCE_TYPES
from feast.permissions.permission import Permission

everyone = Permission(name="everyone", types=ALL_RESOURCE_TYPES)  # want: AIML183


# Explicit AllowAll policy and the WRITE constant, aliased imports.
from feast.permissions.action import WRITE, CRUD, ALL_ACTIONS, AuthzedAction
from feast.permissions.policy import AllowAll, AllowAllPolicy
from feast.permissions.permission import Permission as Perm
from feast.feature_view import FeatureView

writers = Perm(name="writers", types=[FeatureView], actions=WRITE, policy=AllowAll)  # want: AIML183


# Module import with `as`, multi-line call, CRUD constant.
import feast.permissions.permission as fpp
import feast.permissions.action as act

crud = fpp.Permission(  # want: AIML183
    name="crud-all",
    types=ALL_RESOURCE_TYPES,
    actions=act.CRUD,
)


# A list literal holding a delete action next to reads.
mixed = Permission(  # want: AIML183
    name="mixed",
    types=ALL_RESOURCE_TYPES,
    actions=[AuthzedAction.READ_ONLINE, AuthzedAction.DELETE],
    policy=AllowAllPolicy(),
)


# Inside a class method: a single write member (Permission also accepts one action).
class Permissions:
    def build(self):
        return [
            Permission(name="online-writers", types=[FeatureView], actions=act.AuthzedAction.WRITE_ONLINE),  # want: AIML183
        ]


# Positional actions (name, types, name_patterns, actions) and ALL_ACTIONS.
def all_actions():
    return Permission("all", ALL_RESOURCE_TYPES, None, ALL_ACTIONS)  # want: AIML183


# A splatted constant inside a list.
spread = Permission(name="spread", types=ALL_RESOURCE_TYPES, actions=[*WRITE, AuthzedAction.DESCRIBE])  # want: AIML183
