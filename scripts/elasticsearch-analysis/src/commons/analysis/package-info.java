/**
 * The analysis components Commons' index settings name, for Elasticsearch nodes without the
 * analysis-common module.
 *
 * <p>CI can only reach package registries, and the one Elasticsearch there (Maven Central's
 * integ-test-zip) ships without analysis-common, so Wagtail's index settings (asciifolding,
 * edge_ngram, ngram) and ours (the english analyzer) would be refused. That module is a thin
 * wrapper over Lucene's analysis classes, which every node carries in lib/; this stable-API
 * plugin registers the same Lucene classes under the same names, so the unchanged backend runs
 * against a real node. scripts/elasticsearch compiles and installs it; never install it on a
 * node that has analysis-common (the names would clash).
 */
package commons.analysis;
