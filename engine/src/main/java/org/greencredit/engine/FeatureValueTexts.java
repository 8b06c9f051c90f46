package org.greencredit.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greencredit.core.text.BilingualText;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.registry.EngineFeatures;

/**
 * A credit feature's reason in the firm's own terms: its value and the band that earns the feature's most points,
 * e.g. "经营年限9年，15年及以上可得满分" / "Years in business 9 years; 15 years or more earns full points". A reason that
 * only says "short time in business" reads as a contradiction to a nine-year-old firm that earned points for its age;
 * stating the value and the better band says what the points say. How each feature's value is written (a number, a
 * percentage or yes/no, its decimals and units) is in {@code feature_texts.csv}.
 */
final class FeatureValueTexts {
    private record Format(String kind, int decimals, String unitZh, String unitEn) {
    }

    private final Map<String, Format> formats = new HashMap<>();

    FeatureValueTexts() {
        for (ReferenceTable.Row r : EngineFeatures.textRows()) {
            String kind = r.text("format");
            if (!List.of("number", "percent", "flag").contains(kind)) {
                throw new IllegalStateException(r.where("format") + ": format must be number, percent or flag, got '" + kind + "'");
            }
            formats.put(r.text("feature"), new Format(kind, r.integer("decimals"), r.text("unit_zh"), r.text("unit_en")));
        }
    }

    /**
     * The reason for a feature scored below its best bin: its value and, when the best bin is a range or category, that
     * band. Empty when the feature has no format row or no bins to name a band from; the caller then keeps the
     * feature's own reason text.
     */
    Optional<BilingualText> describe(FeatureInfo info, double value, List<Bin> bins) {
        Format format = formats.get(info.feature());
        if (format == null || bins == null || bins.isEmpty()) {
            return Optional.empty();
        }
        Bin best = null;
        for (Bin b : bins) {
            if (b.kind() != Bin.Kind.MISSING && (best == null || b.points() > best.points())) {
                best = b;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String zh = info.nameZh() + valueZh(format, value);
        String en = info.nameEn() + " " + valueEn(format, value);
        Optional<String[]> band = band(format, best);
        if (band.isEmpty()) {
            return Optional.of(new BilingualText(zh, en));
        }
        return Optional.of(new BilingualText(zh + "，" + band.get()[0] + "可得满分", en + "; " + band.get()[1] + " earns full points"));
    }

    /**
     * The best bin as a band in both languages: "15年及以上" / "15 years or more", "低于0.02倍" / "below 0.02×", "2–5天" /
     * "2-5 days"; none for a yes/no feature.
     */
    private static Optional<String[]> band(Format format, Bin best) {
        if (best.kind() == Bin.Kind.CATEGORY) {
            return Optional.of(new String[] {best.category(), best.category()});
        }
        if (best.kind() != Bin.Kind.RANGE || (best.lower() == null && best.upper() == null)) {
            return Optional.empty();
        }
        if (format.kind().equals("flag")) {
            // Yes or no says it all: "micro enterprise: yes" needs no "no earns full points".
            return Optional.empty();
        }
        if (best.lower() == null) {
            return Optional.of(new String[] {"低于" + valueZh(format, best.upper()), "below " + valueEn(format, best.upper())});
        }
        if (best.upper() == null) {
            return Optional.of(new String[] {valueZh(format, best.lower()) + "及以上", valueEn(format, best.lower()) + " or more"});
        }
        return Optional.of(new String[] {number(format, best.lower()) + "–" + valueZh(format, best.upper()),
                number(format, best.lower()) + "-" + valueEn(format, best.upper())});
    }

    private static String valueZh(Format format, double value) {
        if (format.kind().equals("flag")) {
            return value > 0.5 ? "：是" : "：否";
        }
        return number(format, value) + format.unitZh();
    }

    private static String valueEn(Format format, double value) {
        if (format.kind().equals("flag")) {
            return value > 0.5 ? "yes" : "no";
        }
        String unit = format.unitEn();
        boolean word = !unit.isEmpty() && Character.isLetter(unit.charAt(0));
        return number(format, value) + (word ? " " + unit : unit);
    }

    /** The value as the firm reads it: a percentage times 100, to the feature's decimals, without trailing zeros. */
    private static String number(Format format, double value) {
        double shown = format.kind().equals("percent") ? value * 100 : value;
        return RoundedDecimal.halfUp(shown, format.decimals());
    }
}
