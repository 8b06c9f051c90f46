package org.greencredit.rules.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the green rules conclude: points per rule with its evidence, the colour, the grade,
 * and exclusions. Rules write to it; the engine reads it after the rules have run.
 */
public final class GreenTally {
    private final Map<String, Award> awards = new LinkedHashMap<>();
    private String colour;
    private String grade;
    private boolean excluded;

    /** Points a rule awards and what it saw. */
    public record Award(int points, String evidence) {
    }

    public void award(String ruleName, int points, String evidence) {
        awards.put(ruleName, new Award(points, evidence));
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

    public boolean isExcluded() {
        return excluded;
    }

    public void setExcluded(boolean excluded) {
        this.excluded = excluded;
    }
}
