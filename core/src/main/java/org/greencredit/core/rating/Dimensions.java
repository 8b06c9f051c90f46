package org.greencredit.core.rating;

/**
 * The three Quzhou dimensions. Each compares the firm's scope 1+2 intensity with a reference and is
 * shown twice: as a score 0..100 and as a level 1 (high efficiency) .. 5 (low) on the carbon-efficiency
 * bands; null when it cannot be assessed. The colour reads {@code combinedLevel}.
 *
 * @param industryAdvancement  firm intensity against its industry's benchmark (its level is the carbon-efficiency level)
 * @param regionalContribution firm intensity against its industry's benchmark on its province's grid
 * @param historicalDecline    year-on-year change of the firm's own energy emissions
 * @param regionalLevel        the regional ratio on the carbon-efficiency bands
 * @param historicalLevel      the latest twelve months over the twelve before, on the same bands
 * @param combinedLevel        the middle of the three levels (a missing one counts as the industry level), set by the
 *                             green rules; null without a carbon-efficiency level
 */
public record Dimensions(Double industryAdvancement, Double regionalContribution, Double historicalDecline,
                         Integer regionalLevel, Integer historicalLevel, Integer combinedLevel) {
    public static final Dimensions NONE = new Dimensions(null, null, null, null, null, null);

    /** The same dimensions with the level the green rules combined them into. */
    public Dimensions withCombinedLevel(Integer level) {
        return new Dimensions(industryAdvancement, regionalContribution, historicalDecline, regionalLevel, historicalLevel, level);
    }
}
