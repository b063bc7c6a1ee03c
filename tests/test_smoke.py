from helpers import Build


def test_basic_builds_without_warnings(make_build):
    result: Build = make_build("basic")
    assert result.warnings_text == ""
