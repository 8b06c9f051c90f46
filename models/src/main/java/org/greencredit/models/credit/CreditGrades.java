package org.greencredit.models.credit;

import java.util.List;
import org.greencredit.datasets.reference.ReferenceTable;

/** PD bands to letter grades, from {@code credit_grades.csv}: the first grade whose upper bound holds the PD. */
public final class CreditGrades {
    private record Band(String grade, double pdMax) {
    }

    private final List<Band> bands;

    private CreditGrades(List<Band> bands) {
        this.bands = bands;
    }

    public static CreditGrades shipped() {
        List<Band> bands = ReferenceTable.fromClasspath("/models/credit/credit_grades.csv", "grade", "pd_max").rows().stream()
                .map(r -> new Band(r.text("grade"), r.number("pd_max"))).toList();
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).pdMax() <= bands.get(i - 1).pdMax()) {
                throw new IllegalStateException("credit_grades.csv: pd_max must increase, but " + bands.get(i).grade()
                        + " is not above " + bands.get(i - 1).grade());
            }
        }
        if (bands.get(bands.size() - 1).pdMax() < 1.0) {
            throw new IllegalStateException("credit_grades.csv: the last grade must reach pd_max 1.0");
        }
        return new CreditGrades(bands);
    }

    /**
     * How many grades lie between two grades of this scale (0 for the same grade), so that two models' grades compare.
     *
     * @throws IllegalArgumentException for a grade the scale does not have
     */
    public int distance(String a, String b) {
        return Math.abs(index(a) - index(b));
    }

    private int index(String grade) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).grade().equals(grade)) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + grade + "' is not a grade of credit_grades.csv");
    }

    public String gradeOf(double pd) {
        for (Band b : bands) {
            if (pd <= b.pdMax()) {
                return b.grade();
            }
        }
        return bands.get(bands.size() - 1).grade();
    }
}
