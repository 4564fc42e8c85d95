"""Real services are switched on by environment variables alone, never by editing code."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from intranet.settings.base import search_backends
from intranet.settings.environment import env_bool, env_int, env_list, env_str


def test_search_uses_the_database_when_no_engine_is_named(monkeypatch):
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)

    assert search_backends() == {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_opensearch_url_switches_search_to_opensearch_3(monkeypatch):
    monkeypatch.setenv("OPENSEARCH_URL", "http://127.0.0.1:9200")
    monkeypatch.setenv("SEARCH_INDEX_PREFIX", "intranet_")

    backend = search_backends()["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == ["http://127.0.0.1:9200"]
    assert backend["INDEX_PREFIX"] == "intranet_"


def test_an_opensearch_2_cluster_is_chosen_by_its_major_version(monkeypatch):
    monkeypatch.setenv("OPENSEARCH_URL", "http://search:9200")
    monkeypatch.setenv("OPENSEARCH_MAJOR_VERSION", "2")

    assert search_backends()["default"]["BACKEND"] == "wagtail.search.backends.opensearch2"


def test_elasticsearch_url_switches_search_to_elasticsearch_9(monkeypatch):
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://127.0.0.1:9201")

    assert search_backends()["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"


def test_boolean_numbers_and_lists_are_read_strictly(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "42")
    monkeypatch.setenv("HOSTS", "a.gov.uk, b.gov.uk,")

    assert env_bool("FLAG") is True
    assert env_int("COUNT", 0) == 42
    assert env_list("HOSTS") == ["a.gov.uk", "b.gov.uk"]
    assert env_str("UNSET_VARIABLE_FOR_TEST", "fallback") == "fallback"


def test_a_bad_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("SEARCH_TIMEOUT", "soon")

    with pytest.raises(ImproperlyConfigured, match="SEARCH_TIMEOUT must be a whole number"):
        env_int("SEARCH_TIMEOUT", 5)
