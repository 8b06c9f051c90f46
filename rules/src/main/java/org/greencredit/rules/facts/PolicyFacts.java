package org.greencredit.rules.facts;

/** What the policy rules see: the conclusions of the carbon, green, credit and crop stages. */
public final class PolicyFacts {
    private final double pd;
    private final String creditGrade;
    private final String colour;
    private final int greenScore;
    private final boolean greenExcluded;
    private final int anomalyCount;
    private final int contradictedBehaviours;
    private final boolean creditDataPresent;
    private final Integer maxPastDueDays;
    private final Double averageMonthlyInflowCny;
    private final Double existingDebtCny;
    private final double requestedAmountCny;
    private final int requestedTermMonths;
    private final String purpose;
    private final boolean farm;
    private final Double cropLendingValueCny;
    private final boolean cropMismatch;

    /** Facts without contradicted behaviours. */
    public PolicyFacts(double pd, String creditGrade, String colour, int greenScore, boolean greenExcluded, int anomalyCount,
                       boolean creditDataPresent, Integer maxPastDueDays, Double averageMonthlyInflowCny, Double existingDebtCny,
                       double requestedAmountCny, int requestedTermMonths, String purpose, boolean farm,
                       Double cropLendingValueCny, boolean cropMismatch) {
        this(pd, creditGrade, colour, greenScore, greenExcluded, anomalyCount, creditDataPresent, maxPastDueDays, averageMonthlyInflowCny,
                existingDebtCny, requestedAmountCny, requestedTermMonths, purpose, farm, cropLendingValueCny, cropMismatch, 0);
    }

    /** @param contradictedBehaviours declared behaviours that the firm's records contradict */
    public PolicyFacts(double pd, String creditGrade, String colour, int greenScore, boolean greenExcluded, int anomalyCount,
                       boolean creditDataPresent, Integer maxPastDueDays, Double averageMonthlyInflowCny, Double existingDebtCny,
                       double requestedAmountCny, int requestedTermMonths, String purpose, boolean farm,
                       Double cropLendingValueCny, boolean cropMismatch, int contradictedBehaviours) {
        this.contradictedBehaviours = contradictedBehaviours;
        this.pd = pd;
        this.creditGrade = creditGrade;
        this.colour = colour;
        this.greenScore = greenScore;
        this.greenExcluded = greenExcluded;
        this.anomalyCount = anomalyCount;
        this.creditDataPresent = creditDataPresent;
        this.maxPastDueDays = maxPastDueDays;
        this.averageMonthlyInflowCny = averageMonthlyInflowCny;
        this.existingDebtCny = existingDebtCny;
        this.requestedAmountCny = requestedAmountCny;
        this.requestedTermMonths = requestedTermMonths;
        this.purpose = purpose;
        this.farm = farm;
        this.cropLendingValueCny = cropLendingValueCny;
        this.cropMismatch = cropMismatch;
    }

    public double getPd() {
        return pd;
    }

    public String getCreditGrade() {
        return creditGrade;
    }

    public String getColour() {
        return colour;
    }

    public int getGreenScore() {
        return greenScore;
    }

    public boolean isGreenExcluded() {
        return greenExcluded;
    }

    public int getContradictedBehaviours() {
        return contradictedBehaviours;
    }

    public int getAnomalyCount() {
        return anomalyCount;
    }

    public boolean isCreditDataPresent() {
        return creditDataPresent;
    }

    public Integer getMaxPastDueDays() {
        return maxPastDueDays;
    }

    public Double getAverageMonthlyInflowCny() {
        return averageMonthlyInflowCny;
    }

    /** Whether business inflows are known, so a limit can be set from them. */
    public boolean isInflowKnown() {
        return averageMonthlyInflowCny != null;
    }

    /** The debt the firm already carries, or null when not given. */
    public Double getExistingDebtCny() {
        return existingDebtCny;
    }

    public double getRequestedAmountCny() {
        return requestedAmountCny;
    }

    public int getRequestedTermMonths() {
        return requestedTermMonths;
    }

    public String getPurpose() {
        return purpose;
    }

    public boolean isFarm() {
        return farm;
    }

    public Double getCropLendingValueCny() {
        return cropLendingValueCny;
    }

    public boolean isCropMismatch() {
        return cropMismatch;
    }

    /** "field=value" of a named fact, as decision-table rules record the evidence they saw. */
    public String describe(String field) {
        Object value = switch (field) {
            case "pd" -> pd;
            case "colour" -> colour;
            case "greenScore" -> greenScore;
            case "greenExcluded" -> greenExcluded;
            case "anomalyCount" -> anomalyCount;
            case "contradictedBehaviours" -> contradictedBehaviours;
            case "creditDataPresent" -> creditDataPresent;
            case "maxPastDueDays" -> maxPastDueDays;
            case "averageMonthlyInflowCny" -> averageMonthlyInflowCny;
            case "existingDebtCny" -> existingDebtCny;
            case "requestedAmountCny" -> requestedAmountCny;
            case "purpose" -> purpose;
            case "farm" -> farm;
            case "cropLendingValueCny" -> cropLendingValueCny;
            default -> throw new IllegalArgumentException("no policy fact named '" + field + "'");
        };
        return field + "=" + value;
    }
}
