package commons.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** {@code english}: the stemming analyzer Commons makes every text field's default. */
@NamedComponent("english")
public class EnglishAnalyzer implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new org.apache.lucene.analysis.en.EnglishAnalyzer();
    }
}
