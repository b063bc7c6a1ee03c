"""rules/logging_strategy.py: use cases known and detailed, retention parseable and at
most 100 years, :pii: explained in :privacy:, and logged personal data declared."""

from __future__ import annotations

import pytest

from sphinx_designdoc.model import Finding, Location, LoggingStrategy, LogUseCase, Page
from sphinx_designdoc.rules.logging_strategy import check_logging, check_privacy, pii_match
from sphinx_designdoc.settings import DEFAULT_LOG_USE_CASES, DEFAULT_PII_PATTERNS, Settings

SOURCE = "designs/x.rst"
ALL_USE_CASES = ", ".join(DEFAULT_LOG_USE_CASES)


def at(line: int, *options: str) -> Location:
    """A directive at ``line`` with ``options`` on the lines after it, in that order."""
    return Location(SOURCE, line, tuple((name, line + n) for n, name in enumerate(options, 1)))


#: logging-strategy at line 7: :use-cases: 8, :pii: 9, :privacy: 10.
STRATEGY = at(7, "use-cases", "pii", "privacy")


def detail(use_case: str = "tracing", retention: str = "", fields: str = "") -> LogUseCase:
    """A log-use-case at line 12: :events: 13, :fields: 14, :retention: 15."""
    names = tuple(name.strip() for name in fields.split(",") if name.strip())
    return LogUseCase(
        use_case, ("e",), names, retention, "", at(12, "events", "fields", "retention")
    )


def page(
    use_cases: tuple[str, ...] = (),
    details: tuple[LogUseCase, ...] = (),
    pii: tuple[str, ...] = (),
    privacy: str = "",
) -> Page:
    logging = LoggingStrategy(use_cases, pii, privacy, list(details), STRATEGY)
    return Page("designs/x", "designs-x", "X", logging=logging)


def found(subtype: str, message: str, line: int) -> Finding:
    return Finding(subtype, message, "designs/x", line, SOURCE)  # type: ignore[arg-type]


def selected_without_details(use_case: str) -> Finding:
    message = f"log use case {use_case!r} is selected but has no log-use-case details"
    return found("missing", message, 8)


def unparseable(retention: str) -> Finding:
    message = f"unparseable :retention: {retention!r}; use e.g. 14d, 2w, 6m, 1y, '90 days' or P30D"
    return found("option", message, 15)


def too_long(retention: str) -> Finding:
    message = (
        f":retention: {retention!r} is longer than 100 years (36500 days), "
        "the longest retention period accepted"
    )
    return found("option", message, 15)


def test_a_page_without_logging_strategy() -> None:
    plain = Page("designs/x", "designs-x", "X")
    assert list(check_logging(plain, Settings())) == []
    assert list(check_privacy(plain, Settings())) == []


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        pytest.param(page(), [], id="empty strategy"),
        pytest.param(
            page(("tracing", "error-tracking"), (detail("tracing"), detail("error-tracking"))),
            [],
            id="every selected use case detailed",
        ),
        pytest.param(
            page((), (detail("security-audit"),)), [], id="details of a use case not selected"
        ),
        pytest.param(
            page(("tracing", "user-behavior"), (detail("tracing"),)),
            [selected_without_details("user-behavior")],
            id="selected, no details: at :use-cases:",
        ),
        pytest.param(
            page(("auditing",)),
            [
                found(
                    "option", f"unknown log use case 'auditing'; expected one of {ALL_USE_CASES}", 8
                )
            ],
            id="unknown in :use-cases: (and not also missing details)",
        ),
        pytest.param(
            page(("tracng",)),
            [found("option", "unknown log use case 'tracng'; did you mean 'tracing'?", 8)],
            id="mistyped in :use-cases:",
        ),
        pytest.param(
            page((), (detail("tracng"),)),
            [found("option", "unknown log use case 'tracng'; did you mean 'tracing'?", 12)],
            id="unknown log-use-case argument: at the directive",
        ),
        pytest.param(
            page((), (detail(""),)), [], id="no argument: already reported by the directive"
        ),
        pytest.param(
            page(pii=("email",)),
            [found("missing", ":pii: fields are listed without :privacy: notes", 9)],
            id=":pii: without :privacy:",
        ),
        pytest.param(page(pii=("email",), privacy="Hashed."), [], id=":pii: with :privacy:"),
        pytest.param(page(privacy="Nothing personal."), [], id=":privacy: alone"),
        pytest.param(
            page(
                ("auditing", "tracing", "performance"),
                (detail("tracing", "forever"), detail("perfomance")),
                pii=("email",),
            ),
            [
                found(
                    "option", f"unknown log use case 'auditing'; expected one of {ALL_USE_CASES}", 8
                ),
                selected_without_details("performance"),
                unparseable("forever"),
                found(
                    "option", "unknown log use case 'perfomance'; did you mean 'performance'?", 12
                ),
                found("missing", ":pii: fields are listed without :privacy: notes", 9),
            ],
            id="order: selection, missing details, each detail, pii",
        ),
    ],
)
def test_check_logging(strategy: Page, expected: list[Finding]) -> None:
    assert list(check_logging(strategy, Settings())) == expected


#: Retention periods accepted, up to exactly 100 years (36500 days).
ACCEPTED_RETENTION = ("", "14d", "2w", "6m", "1y", "24h", "36h", "90 days", "1 year", "P30D",
                      "P1Y6M", "PT24H", "100y", "100 years", "36500d", "P100Y")  # fmt: skip


@pytest.mark.parametrize(
    ("retention", "expected"),
    [
        *(pytest.param(value, [], id=value) for value in ACCEPTED_RETENTION),
        pytest.param("36501d", [too_long("36501d")], id="a day past 100 years"),
        pytest.param("101y", [too_long("101y")], id="101y"),
        pytest.param("P999999999Y", [too_long("P999999999Y")], id="the docs' example"),
        pytest.param("forever", [unparseable("forever")], id="forever"),
        pytest.param("14 fortnights", [unparseable("14 fortnights")], id="unknown unit"),
        pytest.param("P", [unparseable("P")], id="empty duration"),
        pytest.param("1y 6m", [unparseable("1y 6m")], id="two short forms"),
    ],
)
def test_retention(retention: str, expected: list[Finding]) -> None:
    """At the :retention: line; 100 years (36500 days) is the longest accepted."""
    findings = check_logging(page(("tracing",), (detail("tracing", retention),)), Settings())
    assert list(findings) == expected


def test_configured_use_cases() -> None:
    settings = Settings(log_use_cases=("audit", "billing"))
    assert list(check_logging(page(("audit",), (detail("audit"),)), settings)) == []
    assert list(check_logging(page(("tracing",), (detail("tracing"),)), settings)) == [
        found("option", "unknown log use case 'tracing'; expected one of audit, billing", 8),
        found("option", "unknown log use case 'tracing'; expected one of audit, billing", 12),
    ]


def test_option_lines_unknown_give_the_directive_lines() -> None:
    logging = LoggingStrategy(("auditing",), ("email",), "", [], Location(SOURCE, 7))
    findings = check_logging(Page("designs/x", "designs-x", "X", logging=logging), Settings())
    assert [finding.line for finding in findings] == [7, 7]


def not_in_pii(field: str, pattern: str, line: int = 14) -> Finding:
    message = (
        f"logged field {field!r} looks like personal data ({pattern!r}) but is not listed in :pii:"
    )
    return found("privacy", message, line)


def test_the_docs_privacy_example() -> None:
    """docs/warnings.rst, designs/events.rst. The docs show line 12, the log-use-case;
    the rule reports the :fields: line (14), as for any fault in an option's value."""
    events = page(
        ("user-behavior",),
        (detail("user-behavior", "90 days", "customer_email, client_ip, user_agent, "
                "shipping_zone, hostname"),),
        pii=("customer_email",),
        privacy="Emails are hashed before logging.",
    )  # fmt: skip
    assert list(check_privacy(events, Settings())) == [
        not_in_pii("client_ip", "ip"),
        not_in_pii("user_agent", "user_agent"),
    ]
    assert list(check_logging(events, Settings())) == []


@pytest.mark.parametrize(
    ("fields", "pii", "expected"),
    [
        pytest.param("trace_id, status", (), [], id="nothing personal"),
        pytest.param("customer_email", ("customer_email",), [], id="declared"),
        pytest.param("Customer_Email", ("customer_email",), [], id="declared, other case"),
        pytest.param("customer_email", ("CUSTOMER_EMAIL",), [], id="pii in other case"),
        pytest.param(
            "customer_email", ("email",), [not_in_pii("customer_email", "email")],
            id="a pattern in :pii: does not declare the field",
        ),
        pytest.param(
            "email, phone", (), [not_in_pii("email", "email"), not_in_pii("phone", "phone")],
            id="each field, in order",
        ),
        pytest.param(
            "email_ip", (), [not_in_pii("email_ip", "email")],
            id="one finding per field: the first pattern that matches",
        ),
    ],
)  # fmt: skip
def test_check_privacy(fields: str, pii: tuple[str, ...], expected: list[Finding]) -> None:
    strategy = page(("tracing",), (detail("tracing", fields=fields),), pii, "Hashed.")
    assert list(check_privacy(strategy, Settings())) == expected


def test_every_use_case_is_checked() -> None:
    first = LogUseCase("tracing", fields=("client_ip",), location=at(12, "fields"))
    second = LogUseCase("error-tracking", fields=("user_email",), location=at(20, "fields"))
    logging = LoggingStrategy(("tracing", "error-tracking"), details=[first, second])
    assert list(
        check_privacy(Page("designs/x", "designs-x", "X", logging=logging), Settings())
    ) == [
        not_in_pii("client_ip", "ip", 13),
        not_in_pii("user_email", "email", 21),
    ]


def test_configured_patterns() -> None:
    strategy = page(("tracing",), (detail("tracing", fields="shipping_zone, email"),))
    assert list(check_privacy(strategy, Settings(pii_patterns=("zone",)))) == [
        not_in_pii("shipping_zone", "zone")
    ]
    assert list(check_privacy(strategy, Settings(pii_patterns=()))) == []


@pytest.mark.parametrize(
    ("field", "pattern"),
    [
        ("client_ip", "ip"),
        ("ip", "ip"),
        ("IP", "ip"),
        ("customer_email", "email"),
        ("user_agent", "user_agent"),
        ("user_agent_hash", "user_agent"),
        ("raw-user-agent", "user_agent"),
        ("billing.address", "address"),
        ("Phone Number", "phone"),
        ("card_last4", "card"),
        ("shipping_zone", None),
        ("shipping", None),
        ("hostname", None),
        ("ipv6", None),
        ("agent_user", None),
        ("user", None),
        ("", None),
    ],
)
def test_pii_match_is_by_whole_words_in_order(field: str, pattern: str | None) -> None:
    assert pii_match(field, DEFAULT_PII_PATTERNS) == pattern


def test_pii_match_ignores_a_pattern_without_words() -> None:
    assert pii_match("client_ip", ("_", "ip")) == "ip"
