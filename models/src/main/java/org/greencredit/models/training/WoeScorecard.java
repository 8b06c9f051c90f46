package org.greencredit.models.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.PdScaling;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.TabularReader;

/**
 * The trainer's working form of a scorecard: weight-of-evidence bins with fractional points, scored
 * through the same {@link PdScaling} as every scorecard. What training hands out is a
 * {@link Scorecard} with whole points ({@link #toScorecard}), as printed scorecards have.
 */
final class WoeScorecard {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/models/texts.tsv");

    private final Map<String, List<WoeBin>> bins;
    private final Map<String, Boolean> numeric;
    private final double base;
    private final PdScaling scaling;

    WoeScorecard(Map<String, List<WoeBin>> bins, Map<String, Boolean> numeric, double base, PdScaling scaling) {
        this.bins = bins;
        this.numeric = numeric;
        this.base = base;
        this.scaling = scaling;
    }

    Map<String, List<WoeBin>> bins() {
        return bins;
    }

    double base() {
        return base;
    }

    Map<String, Boolean> numeric() {
        return numeric;
    }

    /** The bin a raw value (null or a missing spelling for missing) falls in. */
    WoeBin binOf(String feature, String raw) {
        List<WoeBin> featureBins = bins.get(feature);
        boolean missing = raw == null || TabularReader.isMissing(raw);
        if (!missing && numeric.get(feature)) {
            Double value = TabularReader.parseNumber(raw);
            if (value != null) {
                for (WoeBin b : featureBins) {
                    if (b.holds(value)) {
                        return b;
                    }
                }
            }
            missing = true;
        }
        if (missing) {
            return find(featureBins, WoeBin.Kind.MISSING, null);
        }
        WoeBin category = find(featureBins, WoeBin.Kind.CATEGORY, raw.trim());
        return category != null ? category : find(featureBins, WoeBin.Kind.OTHER, null);
    }

    private static WoeBin find(List<WoeBin> bins, WoeBin.Kind kind, String category) {
        for (WoeBin b : bins) {
            if (b.kind() == kind && (category == null || category.equals(b.category()))) {
                return b;
            }
        }
        return null;
    }

    /** The fractional score of one row given as feature name to raw value. */
    double score(Map<String, String> row) {
        double s = base;
        for (String feature : bins.keySet()) {
            WoeBin bin = binOf(feature, row.get(feature));
            s += bin == null ? 0.0 : bin.points();
        }
        return s;
    }

    /**
     * The scorecard with whole points: the intercept and each bin's points rounded, each bin's source
     * its rows and defaults; features named by their column, with a generic reason text, and the
     * direction of their ranges (higher is better when the highest range earns at least the lowest's points).
     */
    Scorecard toScorecard(String version, Map<String, String> provenance) {
        Map<String, List<Bin>> whole = new LinkedHashMap<>();
        Map<String, FeatureInfo> features = new LinkedHashMap<>();
        BilingualText reason = TEXTS.get("scorecard.trainedReason");
        bins.forEach((feature, featureBins) -> {
            whole.put(feature, featureBins.stream().map(b -> new Bin(feature, kind(b.kind()), b.lower(), b.upper(), b.category(),
                    (int) Math.round(b.points()), b.count() + " rows, " + b.positives() + " defaults")).toList());
            List<WoeBin> ranges = featureBins.stream().filter(b -> b.kind() == WoeBin.Kind.RANGE).toList();
            boolean higherIsBetter = ranges.isEmpty() || ranges.get(ranges.size() - 1).points() >= ranges.get(0).points();
            BilingualText text = reason.with("feature", feature);
            features.put(feature, new FeatureInfo(feature, feature, feature, false, higherIsBetter, "R-" + feature, text.zh(), text.en()));
        });
        return new Scorecard(version, (int) Math.round(base), scaling, whole, features, provenance);
    }

    private static Bin.Kind kind(WoeBin.Kind kind) {
        return switch (kind) {
            case RANGE -> Bin.Kind.RANGE;
            case CATEGORY -> Bin.Kind.CATEGORY;
            case OTHER -> Bin.Kind.OTHER;
            case MISSING -> Bin.Kind.MISSING;
        };
    }
}
