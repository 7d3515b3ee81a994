# Spec example (silent), then look-alikes that must not fire.
from feast.feast_object import ALL_RESOURCE_TYPES
from feast.permissions.action import READ, AuthzedAction, WRITE
from feast.permissions.permission import Permission
from feast.permissions.policy import RoleBasedPolicy, GroupBasedPolicy

everyone = Permission(name="everyone-read", types=ALL_RESOURCE_TYPES, actions=READ)

# Role-based policy: writes only for a role.
writers = Permission(
    name="writers",
    types=ALL_RESOURCE_TYPES,
    actions=WRITE,
    policy=RoleBasedPolicy(roles=["feature-admin"]),
)

# Group-based policy with the default actions.
grouped = Permission(name="grouped", types=ALL_RESOURCE_TYPES, policy=GroupBasedPolicy(groups=["ml"]))

# A list of only read/describe actions: intentional anonymous read.
readers = Permission(
    name="readers",
    types=ALL_RESOURCE_TYPES,
    actions=[AuthzedAction.DESCRIBE, AuthzedAction.READ_ONLINE, AuthzedAction.READ_OFFLINE],
)


# A non-literal actions expression that is not one of the named constants.
def configured(actions_from_config):
    return Permission(name="cfg", types=ALL_RESOURCE_TYPES, actions=actions_from_config)


# A policy from elsewhere (not AllowAll).
def with_policy(policy):
    return Permission(name="p", types=ALL_RESOURCE_TYPES, policy=policy)


# Options passed through **kwargs: policy and actions cannot be known.
def from_options(**options):
    return Permission(name="opts", **options)


# Another library's Permission class.
from myapp.acl import Permission as AppPermission

app_perm = AppPermission(name="everyone")
