package commons.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;

/** The min_gram/max_gram settings of analysis-common's n-gram components, with its defaults. */
@AnalysisSettings
public interface GramSettings {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();
}
