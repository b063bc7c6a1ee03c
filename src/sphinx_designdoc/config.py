"""Configuration values: registration, start-up validation, and the pure ``Settings``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_designdoc.settings import Settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger("sphinx_designdoc")

_DEFAULTS = Settings()
_LIST_VALUES = {
    "designdoc_statuses": ("statuses", "the statuses a design doc may have"),
    "designdoc_goal_kinds": ("goal_kinds", "the kinds a goal may have"),
    "designdoc_log_use_cases": ("log_use_cases", "the logging use cases of the template"),
    "designdoc_log_standard_fields": (
        "log_standard_fields",
        "fields every log record carries (use_case, timestamp, ...)",
    ),
}


def register(app: Sphinx) -> None:
    """Register every config value with its type, description and rebuild scope."""
    for name, (attr, description) in _LIST_VALUES.items():
        app.add_config_value(
            name,
            list(getattr(_DEFAULTS, attr)),
            "env",
            types=frozenset({list, tuple}),
            description=description,
        )
    app.add_config_value(
        "designdoc_export_json",
        _DEFAULTS.export_json,
        "",
        types=frozenset({bool}),
        description="write designdoc.json beside the HTML output",
    )
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Warn about list values that are not lists of non-empty strings (defaults are used)."""
    for name in _LIST_VALUES:
        value = config[name]
        # a value that is not a list at all already gets Sphinx's own type warning
        if isinstance(value, (list, tuple)) and not _is_name_list(value):
            logger.warning(
                "%s must be a list of non-empty strings, got %r; using the default",
                name,
                config[name],
                type="designdoc",
                subtype="config",
            )


def _is_name_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(item, str) and item.strip() for item in value
    )


def _names(config: Config, name: str) -> tuple[str, ...]:
    value = config[name]
    if _is_name_list(value):
        return tuple(item.strip() for item in value)
    return tuple(getattr(_DEFAULTS, _LIST_VALUES[name][0]))


def get_settings(config: Config) -> Settings:
    """The settings for this build, falling back to defaults for invalid values."""
    return Settings(
        statuses=_names(config, "designdoc_statuses"),
        goal_kinds=_names(config, "designdoc_goal_kinds"),
        log_use_cases=_names(config, "designdoc_log_use_cases"),
        log_standard_fields=_names(config, "designdoc_log_standard_fields"),
        export_json=export if isinstance(export := config.designdoc_export_json, bool) else True,
    )
