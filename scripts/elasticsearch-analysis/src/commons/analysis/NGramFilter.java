package commons.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code ngram} token filter (Wagtail's index settings define an analyzer with it). */
@NamedComponent("ngram")
public class NGramFilter implements TokenFilterFactory {
    private final GramSettings settings;

    @Inject
    public NGramFilter(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(tokenStream, settings.minGram(), settings.maxGram(), false);
    }
}
