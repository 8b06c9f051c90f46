package org.greencredit.rules.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the green rules conclude: points per rule with its evidence, the colour, the grade,
 * and exclusions. Rules write to it; the engine reads it after the rules have run.
 */
public final class GreenTally {
    private final GreenFacts facts;
    private final Map<String, Award> awards = new LinkedHashMap<>();
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private String colour;
    private String grade;
    private boolean excluded;
    private boolean deepGreenAllowed = true;
    private Integer dimensionLevel;

    /** @param facts the facts being evaluated, so that decision-table rows can name the evidence they used */
    public GreenTally(GreenFacts facts) {
        this.facts = facts;
    }

    /** Points a rule awards and what it saw. */
    public record Award(int points, String evidence) {
    }

    /** What a decision-table row's points are for: the merchant path sums them by kind. */
    public enum Kind {
        EVIDENCED_BEHAVIOUR, DECLARED_BEHAVIOUR, INDUSTRY
    }

    /** Points of a behaviour or industry row, recorded with their kind. */
    public void award(String ruleName, int points, Kind kind) {
        award(ruleName, points);
        kinds.put(ruleName, kind);
    }

    /** The points awarded so far by rows of that kind. */
    public int points(Kind kind) {
        int total = 0;
        for (Map.Entry<String, Kind> e : kinds.entrySet()) {
            if (e.getValue() == kind) {
                total += awards.get(e.getKey()).points();
            }
        }
        return total;
    }

    public void award(String ruleName, int points, String evidence) {
        awards.put(ruleName, new Award(points, evidence));
    }

    /** Points of a decision-table row; its evidence arrives from the row's evidence column. */
    public void award(String ruleName, int points) {
        Award earlier = awards.get(ruleName);
        awards.put(ruleName, new Award(points, earlier == null ? "" : earlier.evidence()));
    }

    /** Records the value of the named fact as the evidence of a decision-table row. */
    public void evidence(String ruleName, String field) {
        Award earlier = awards.get(ruleName);
        awards.put(ruleName, new Award(earlier == null ? 0 : earlier.points(), facts.describe(field)));
    }

    public Map<String, Award> awards() {
        return awards;
    }

    public int getScore() {
        int total = 0;
        for (Award a : awards.values()) {
            total += a.points();
        }
        return Math.max(0, Math.min(100, total));
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    public String getGrade() {
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    /** The level the carbon-account colour reads, once the three-dimension rule has combined them; null before or without one. */
    public Integer getDimensionLevel() {
        return dimensionLevel;
    }

    public void setDimensionLevel(Integer dimensionLevel) {
        this.dimensionLevel = dimensionLevel;
    }

    public boolean isDeepGreenAllowed() {
        return deepGreenAllowed;
    }

    public void setDeepGreenAllowed(boolean deepGreenAllowed) {
        this.deepGreenAllowed = deepGreenAllowed;
    }

    public boolean isExcluded() {
        return excluded;
    }

    public void setExcluded(boolean excluded) {
        this.excluded = excluded;
    }
}
