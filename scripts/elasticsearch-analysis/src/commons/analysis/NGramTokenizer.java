package commons.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** {@code ngram} tokenizer (defined in Wagtail's index settings). */
@NamedComponent("ngram")
public class NGramTokenizer implements TokenizerFactory {
    private final GramSettings settings;

    @Inject
    public NGramTokenizer(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public Tokenizer create() {
        return new org.apache.lucene.analysis.ngram.NGramTokenizer(settings.minGram(), settings.maxGram());
    }
}
