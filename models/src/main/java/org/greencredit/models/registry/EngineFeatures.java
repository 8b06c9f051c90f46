package org.greencredit.models.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.invoice.LedgerFeatures;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.models.credit.CreditFeatureExtractor;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;

/**
 * The features a rating computes (the credit section's and the e-invoice ledger's) and their names and reason texts
 * from {@code feature_texts.csv}: a model the engine runs may read only these, and a scorecard trained on them by
 * {@code model train} speaks to the firm with these texts rather than its column names.
 */
public final class EngineFeatures {
    private static final Set<String> NAMES = names();
    /**
     * One row per feature: its names, actionability and reason texts, and how its value is written in a reason (format,
     * decimals, units). Read once, here, for the scorecards' texts and for the engine's value texts alike.
     */
    private static final ReferenceTable TEXTS = ReferenceTable.fromClasspath("/models/credit/feature_texts.csv", "feature", "name_zh",
            "name_en", "actionable", "reason_code", "reason_zh", "reason_en", "format", "decimals", "unit_zh", "unit_en");

    private EngineFeatures() {
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>(CreditFeatureExtractor.NAMES);
        names.addAll(LedgerFeatures.NAMES);
        return Set.copyOf(names);
    }

    /** Whether a rating computes {@code feature}. */
    public static boolean computed(String feature) {
        return NAMES.contains(feature);
    }

    /** The inputs of a model that a rating does not compute, in the model's order; empty when it can run in the engine. */
    public static List<String> notComputed(List<String> modelFeatures) {
        List<String> missing = new ArrayList<>();
        for (String f : modelFeatures) {
            if (!computed(f)) {
                missing.add(f);
            }
        }
        return missing;
    }

    /**
     * Each of the scorecard's features with its names, actionability and reason texts from feature_texts.csv, and its
     * direction as the training found it.
     *
     * @throws IllegalArgumentException naming a feature that has no row there
     */
    public static Map<String, FeatureInfo> texts(Scorecard scorecard) {
        Map<String, ReferenceTable.Row> rows = new LinkedHashMap<>();
        for (ReferenceTable.Row r : TEXTS.rows()) {
            rows.put(r.text("feature"), r);
        }
        Map<String, FeatureInfo> texts = new LinkedHashMap<>();
        for (FeatureInfo f : scorecard.features().values()) {
            ReferenceTable.Row r = rows.get(f.feature());
            if (r == null) {
                throw new IllegalArgumentException("no reason texts for feature '" + f.feature() + "' in feature_texts.csv");
            }
            texts.put(f.feature(), new FeatureInfo(f.feature(), r.text("name_zh"), r.text("name_en"), Boolean.parseBoolean(r.text("actionable")),
                    f.higherIsBetter(), r.text("reason_code"), r.text("reason_zh"), r.text("reason_en")));
        }
        return texts;
    }

    /** The rows of {@code feature_texts.csv}, one per feature, with every column named above. */
    public static List<ReferenceTable.Row> textRows() {
        return TEXTS.rows();
    }
}
