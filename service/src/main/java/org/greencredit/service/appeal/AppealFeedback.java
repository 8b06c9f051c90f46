package org.greencredit.service.appeal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.service.rating.RatingService;
import org.greencredit.service.security.Caller;
import org.greencredit.service.security.Role;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What appeals say about the rules and models, for their periodic review: which inputs firms
 * contested, and for every corrected appeal which inputs the correction changed, which rules fired
 * only before or only after it, which credit features' points moved, and how outcomes and colours
 * changed. Counts only, no firm: it is published in the algorithm filing too.
 */
@Service
public class AppealFeedback {
    /** The most recent resolved appeals of each kind read; a review period holds far fewer. */
    static final int MAX_APPEALS = 10_000;
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    /** Reads every firm's ratings; only counts leave this class. */
    private static final Caller REVIEWER = new Caller("appeal-review", Role.OFFICER, null);

    private final AppealRepository appeals;
    private final RatingService ratings;
    private final JsonMapper json;

    public AppealFeedback(AppealRepository appeals, RatingService ratings, JsonMapper json) {
        this.appeals = appeals;
        this.ratings = ratings;
        this.json = json;
    }

    /** How many appeals touched something. */
    public record Count(String key, int appeals) {
    }

    /**
     * @param contestedFields  the inputs firms said were wrong, by outcome of the appeal ({@code CORRECTED field} or {@code REJECTED field})
     * @param correctedInputs  the inputs corrections changed
     * @param rulesNoLonger    rules that fired on the appealed rating and not on the corrected one
     * @param rulesNewly       rules that fired only on the corrected rating
     * @param featuresMoved    credit features whose points changed
     * @param outcomeChanges   e.g. {@code REFER -> APPROVE}, and {@code unchanged}
     * @param colourChanges    e.g. {@code YELLOW -> LIGHT_GREEN}, and {@code unchanged}
     */
    public record Report(int corrected, int rejected, List<Count> contestedFields, List<Count> correctedInputs, List<Count> rulesNoLonger,
                         List<Count> rulesNewly, List<Count> featuresMoved, List<Count> outcomeChanges, List<Count> colourChanges) {
    }

    /** The report over every firm's appeals; who may read it is decided at the endpoint (officers, administrators, the public filing). */
    public Report report() {
        List<Appeal> corrected = appeals.byStatus(Appeal.CORRECTED, MAX_APPEALS);
        List<Appeal> rejected = appeals.byStatus(Appeal.REJECTED, MAX_APPEALS);
        Map<String, Integer> contested = new TreeMap<>();
        Map<String, Integer> inputs = new TreeMap<>();
        Map<String, Integer> lost = new TreeMap<>();
        Map<String, Integer> gained = new TreeMap<>();
        Map<String, Integer> features = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> colours = new TreeMap<>();
        for (Appeal a : rejected) {
            contested.merge(Appeal.REJECTED + " " + normalised(a.field()), 1, Integer::sum);
        }
        for (Appeal a : corrected) {
            contested.merge(Appeal.CORRECTED + " " + normalised(a.field()), 1, Integer::sum);
            InputChanges.between(json.readTree(ratings.request(a.ratingId(), REVIEWER)), json.readTree(ratings.request(a.correctedRatingId(), REVIEWER)))
                    .forEach(path -> inputs.merge(path, 1, Integer::sum));
            Rating before = ratings.find(a.ratingId(), REVIEWER);
            Rating after = ratings.find(a.correctedRatingId(), REVIEWER);
            Set<String> firedBefore = ruleIds(before);
            Set<String> firedAfter = ruleIds(after);
            firedBefore.stream().filter(id -> !firedAfter.contains(id)).forEach(id -> lost.merge(id, 1, Integer::sum));
            firedAfter.stream().filter(id -> !firedBefore.contains(id)).forEach(id -> gained.merge(id, 1, Integer::sum));
            Map<String, Double> pointsBefore = points(before);
            Map<String, Double> pointsAfter = points(after);
            Set<String> all = new HashSet<>(pointsBefore.keySet());
            all.addAll(pointsAfter.keySet());
            all.stream().filter(f -> !pointsBefore.getOrDefault(f, 0.0).equals(pointsAfter.getOrDefault(f, 0.0)))
                    .forEach(f -> features.merge(f, 1, Integer::sum));
            outcomes.merge(change(before.decision().outcome().name(), after.decision().outcome().name()), 1, Integer::sum);
            colours.merge(change(before.green().colour().name(), after.green().colour().name()), 1, Integer::sum);
        }
        return new Report(corrected.size(), rejected.size(), counts(contested), counts(inputs), counts(lost), counts(gained), counts(features),
                counts(outcomes), counts(colours));
    }

    /** The contested field as an input path without list indices, so that the same input of another month counts with it. */
    static String normalised(String field) {
        return field == null || field.isBlank() ? "(none given)" : INDEX.matcher(field.strip()).replaceAll("[]");
    }

    private static Set<String> ruleIds(Rating rating) {
        Set<String> ids = new HashSet<>();
        for (RuleHit hit : rating.explanation().ruleHits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    private static Map<String, Double> points(Rating rating) {
        Map<String, Double> points = new TreeMap<>();
        for (Contribution c : rating.explanation().contributions()) {
            points.put(c.feature(), c.points());
        }
        return points;
    }

    private static String change(String before, String after) {
        return before.equals(after) ? "unchanged" : before + " -> " + after;
    }

    /** Most often first, then by name. */
    private static List<Count> counts(Map<String, Integer> tally) {
        List<Count> counts = new ArrayList<>();
        tally.forEach((key, n) -> counts.add(new Count(key, n)));
        counts.sort(Comparator.comparingInt(Count::appeals).reversed().thenComparing(Count::key));
        return List.copyOf(counts);
    }
}
