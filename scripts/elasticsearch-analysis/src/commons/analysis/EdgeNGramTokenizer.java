package commons.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code edge_ngram} tokenizer (defined in Wagtail's index settings). */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizer implements TokenizerFactory {
    private final GramSettings settings;

    @Inject
    public EdgeNGramTokenizer(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public Tokenizer create() {
        return new org.apache.lucene.analysis.ngram.EdgeNGramTokenizer(settings.minGram(), settings.maxGram());
    }
}
