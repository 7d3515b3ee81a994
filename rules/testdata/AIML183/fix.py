from feast.feast_object import ALL_RESOURCE_TYPES
from feast.permissions.permission import Permission
from feast.permissions.policy import AllowAll
from feast.permissions.action import CRUD, AuthzedAction

everyone = Permission(name="everyone", types=ALL_RESOURCE_TYPES)  # want: AIML183

crud = Permission(  # want: AIML183
    name="crud-all",
    types=ALL_RESOURCE_TYPES,
    actions=CRUD,
    policy=AllowAll,
)

appended = Permission(  # want: AIML183
    name="appended",
    types=ALL_RESOURCE_TYPES,
)

positional = Permission("pos", ALL_RESOURCE_TYPES, None, [AuthzedAction.UPDATE])  # want: AIML183


def shadowed():
    READ = "read"
    return Permission(name="guidance-only", types=ALL_RESOURCE_TYPES, actions=[AuthzedAction.CREATE])  # want: AIML183
