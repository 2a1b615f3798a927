import SwitchboardCore

/// `kind: gitlab` (being written).
public enum GitLabBackendPlaceholder {}
