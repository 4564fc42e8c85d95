package commons.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code edge_ngram} token filter: word prefixes for type-ahead (Wagtail's autocomplete fields). */
@NamedComponent("edge_ngram")
public class EdgeNGramFilter implements TokenFilterFactory {
    private final GramSettings settings;

    @Inject
    public EdgeNGramFilter(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, settings.minGram(), settings.maxGram(), false);
    }
}
