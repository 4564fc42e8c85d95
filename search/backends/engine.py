"""OpenSearch / Elasticsearch search over the entry index that Wagtail's backend maintains.

The index, its mapping, ``update_index`` and the client are Wagtail's (modelsearch). The
query is written here in the engine's own DSL because Wagtail's query compiler cannot
express what federated search needs: the access rule over a list of group ids, facets that
each ignore their own filter, and a spelling suggestion. The access filter is rendered from
``intranet.access.rules.visible_set`` — the same solved rule the database filter uses — and
sits in the query's ``filter`` clause, so counts and aggregations never see other hits.
"""

from wagtail.search import index
from wagtail.search.backends import get_search_backend

from intranet.access.choices import Audience, Classification
from intranet.access.rules import VisibleSet
from intranet.common.text import fold

from ..models import SearchEntry
from ..query import UPDATED_WITHIN, Matches, SearchRequest, words

FACET_SIZE = 100  # Terms aggregations return 10 buckets unless asked for more.


class EngineUnavailable(Exception):
    """The search engine did not answer; callers degrade to the database search."""


class EngineSearch:
    def __init__(self, alias: str = "default"):
        self.backend = get_search_backend(alias)
        self.client = self.backend.es
        self.index = self.backend.get_index_for_model(SearchEntry).name
        mapping = self.backend.mapping_class(SearchEntry)
        fields = SearchEntry.get_search_fields()
        # Filter fields by name; the title's type-ahead (edge n-gram) field is Wagtail's too.
        self.field = {
            f.field_name: mapping.get_field_column_name(f)
            for f in fields
            if isinstance(f, index.FilterField)
        }
        self.autocomplete = next(
            mapping.get_field_column_name(f)
            for f in fields
            if isinstance(f, index.AutocompleteField)
        )
        self.name = type(self.backend).__module__.rsplit(".", 1)[-1]

    def _f(self, name: str) -> str:
        return self.field[name]

    # --- The access rule as a filter ----------------------------------------------------------

    def access_filter(self, visible: VisibleSet) -> dict:
        if visible.everything:
            return {"match_all": {}}
        if visible.nothing:
            return {"bool": {"must_not": {"match_all": {}}}}
        audience = []
        if visible.partnership:
            audience.append({"term": {self._f("audience"): Audience.PARTNERSHIP.value}})
        if visible.organisation_owner_ids:
            audience.append(
                self._both(
                    {"term": {self._f("audience"): Audience.ORGANISATION.value}},
                    {"terms": {self._f("organisation_id"): sorted(visible.organisation_owner_ids)}},
                )
            )
        if visible.group_ids:
            audience.append(
                self._both(
                    {"term": {self._f("audience"): Audience.GROUPS.value}},
                    {"terms": {self._f("group_ids"): sorted(visible.group_ids)}},
                )
            )
        classification = [{"term": {self._f("classification"): Classification.OFFICIAL.value}}]
        if visible.sensitive_owner_ids:
            classification.append(
                self._both(
                    {"term": {self._f("classification"): Classification.OFFICIAL_SENSITIVE.value}},
                    {"terms": {self._f("organisation_id"): sorted(visible.sensitive_owner_ids)}},
                )
            )
        return self._both(self._any(audience), self._any(classification))

    @staticmethod
    def _both(*clauses: dict) -> dict:
        return {"bool": {"filter": list(clauses)}}

    @staticmethod
    def _any(clauses: list[dict]) -> dict:
        return {"bool": {"should": clauses, "minimum_should_match": 1}}

    # --- Facet filters ------------------------------------------------------------------------

    def _facet_filters(
        self, request: SearchRequest, organisation_ids: dict[str, int]
    ) -> dict[str, dict]:
        filters: dict[str, dict] = {}
        if request.kind != "all":
            filters["type"] = {"term": {self._f("kind"): request.kind}}
        if request.organisations:
            ids = [organisation_ids.get(slug, 0) for slug in request.organisations]
            filters["organisation"] = {"terms": {self._f("organisation_id"): ids}}
        if request.document_types:
            filters["document_type"] = {
                "terms": {self._f("document_type"): list(request.document_types)}
            }
        if request.file_types:
            filters["file_type"] = {"terms": {self._f("file_type"): list(request.file_types)}}
        since = request.updated_since()
        if since:
            filters["updated"] = {"range": {self._f("updated_at"): {"gte": since.isoformat()}}}
        return filters

    def _aggregations(self, filters: dict[str, dict]) -> dict:
        def others(facet: str) -> dict:
            return self._both(*[f for name, f in filters.items() if name != facet])

        terms = {
            "type": "kind",
            "organisation": "organisation_id",
            "document_type": "document_type",
            "file_type": "file_type",
        }
        aggs = {
            facet: {
                "filter": others(facet),
                "aggs": {"values": {"terms": {"field": self._f(field), "size": FACET_SIZE}}},
            }
            for facet, field in terms.items()
        }
        aggs["updated"] = {
            "filter": others("updated"),
            "aggs": {
                "values": {
                    "date_range": {
                        "field": self._f("updated_at"),
                        "ranges": [
                            {"key": key, "from": f"now-{within.days}d"}
                            for key, within in UPDATED_WITHIN.items()
                        ],
                    }
                }
            },
        }
        return aggs

    # --- The questions ------------------------------------------------------------------------

    def _text_query(self, text: str) -> dict:
        return {
            "bool": {
                "must": [{"match": {"_all_text": {"query": text, "operator": "and"}}}],
                "should": [
                    {"match": {"title": {"query": text, "boost": 5}}},
                    {"match": {"summary": {"query": text, "boost": 2}}},
                    {"match_phrase": {"_all_text": {"query": text, "boost": 2}}},
                ],
            }
        }

    def _call(self, **body) -> dict:
        if "from_" in body:
            body["from"] = body.pop("from_")
        if "source_" in body:
            body["_source"] = body.pop("source_")
        try:
            return self.client.search(index=self.index, body=body)
        except Exception as error:  # Connection refused, timeout, red cluster…
            raise EngineUnavailable(str(error)) from error

    def search(
        self,
        visible: VisibleSet,
        request: SearchRequest,
        slugs: dict[int, str],
        hidden_ids: list[int],
    ) -> Matches:
        if not words(request.text):
            return Matches(total=0, entry_ids=[], facets={})
        organisation_ids = {slug: pk for pk, slug in slugs.items()}
        filters = self._facet_filters(request, organisation_ids)
        query = self._text_query(request.text)
        query["bool"]["filter"] = [self.access_filter(visible)]
        if hidden_ids:  # Written but not yet in the engine: its copy may be stale.
            query["bool"]["must_not"] = [{"ids": {"values": [str(i) for i in hidden_ids]}}]
        sort = (
            [{self._f("updated_at"): "desc"}, "_score"]
            if request.sort == "newest"
            else ["_score", {self._f("updated_at"): "desc"}]
        )
        result = self._call(
            query=query,
            post_filter=self._both(*filters.values()),
            aggs=self._aggregations(filters),
            sort=sort,
            from_=request.offset,
            size=request.page_size,
            track_total_hits=True,
            source_=False,
            suggest={
                "text": request.text,
                **{
                    name: {"term": {"field": f"{name}.plain", "suggest_mode": "popular"}}
                    for name in ("title", "body")
                },
            },
        )
        aggregations = result["aggregations"]
        facets: dict[str, dict[str, int]] = {}
        for facet in ("type", "organisation", "document_type", "file_type"):
            buckets = aggregations[facet]["values"]["buckets"]
            values = {str(b["key"]): b["doc_count"] for b in buckets if b["key"] != ""}
            if facet == "organisation":
                values = {slugs[int(k)]: n for k, n in values.items() if int(k) in slugs}
            facets[facet] = values
        ages = {b["key"]: b["doc_count"] for b in aggregations["updated"]["values"]["buckets"]}
        facets["updated"] = {key: ages[key] for key in UPDATED_WITHIN if ages.get(key)}
        return Matches(
            total=result["hits"]["total"]["value"],
            entry_ids=[int(hit["_id"]) for hit in result["hits"]["hits"]],
            facets=facets,
            spelling=self._spelling(request.text, result.get("suggest", {})),
        )

    @staticmethod
    def _spelling(text: str, suggest: dict) -> str:
        """ "Did you mean": each word replaced by the engine's most frequent close word."""
        replacements: dict[str, tuple[int, str]] = {}
        for entries in suggest.values():
            for entry in entries:
                for option in entry.get("options", []):
                    best = replacements.get(entry["text"])
                    if best is None or option["freq"] > best[0]:
                        replacements[entry["text"]] = (option["freq"], option["text"])
        if not replacements:
            return ""
        return " ".join(replacements.get(w, (0, w))[1] for w in words(text))

    def suggest(self, visible: VisibleSet, prefix: str, limit: int) -> list[int]:
        if not words(prefix):
            return []
        result = self._call(
            query={
                "bool": {
                    # Folded: titles are indexed folded (asciifolding), the typing is not.
                    "must": [
                        {"match": {self.autocomplete: {"query": fold(prefix), "operator": "and"}}}
                    ],
                    "should": [{"term": {self._f("kind"): {"value": "person", "boost": 2}}}],
                    "filter": [self.access_filter(visible)],
                }
            },
            size=limit,
            source_=False,
        )
        return [int(hit["_id"]) for hit in result["hits"]["hits"]]
