package org.greencredit.engine.reports;

import java.time.YearMonth;
import org.greencredit.core.rating.Rating;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Rates synthetic farms, some of which declare a crop they do not grow, and counts how many false
 * declarations the satellite check catches and refers, and how many honest farms it flags.
 */
public final class DeclarationReport {
    /** @param recall caught and referred over false declarations; falseAlarmRate flagged over honest farms */
    public record Result(int count, long seed, YearMonth lastMonth, double falseCropRate, int farms, int falseDeclarations,
                         int caughtAndReferred, @JsonSerialize(using = RoundedNumber.Four.class) double recall,
                         int caughtNamingTheTrueCrop, int honestFarms, int honestFlagged,
                         @JsonSerialize(using = RoundedNumber.Four.class) double falseAlarmRate, int referredForCropMismatch) {
    }

    private DeclarationReport() {
    }

    /** @param lastMonth month of the latest readings: December gives whole seasons, June mid-season ones */
    public static Result measure(RatingEngine engine, int count, long seed, double falseCropRate, YearMonth lastMonth) {
        SyntheticPopulation population = new SyntheticPopulation(seed, lastMonth, 24, ReferenceData.shipped())
                .withFalseCropDeclarations(falseCropRate);
        int falseFarms = 0;
        int caught = 0;
        int caughtAsTrueCrop = 0;
        int honestFarms = 0;
        int honestFlagged = 0;
        int referredForMismatch = 0;
        for (long i = 0; i < count; i++) {
            SyntheticSme sme = population.generate(i);
            if (!sme.truth().farm()) {
                continue;
            }
            Rating rating = engine.rate(sme.request());
            boolean flagged = rating.crop().plots().stream().anyMatch(p -> !p.crop().equals(declaredCrop(sme, p.plotId())));
            boolean referred = rating.decision().referralReasons().contains("CROP_MISMATCH");
            referredForMismatch += referred ? 1 : 0;
            if (sme.truth().falseCropDeclared()) {
                falseFarms++;
                caught += flagged && referred ? 1 : 0;
                caughtAsTrueCrop += rating.crop().plots().stream().anyMatch(p -> p.crop().equals(sme.truth().trueCrop())) && flagged ? 1 : 0;
            } else {
                honestFarms++;
                honestFlagged += flagged ? 1 : 0;
            }
        }
        return new Result(count, seed, lastMonth, falseCropRate, falseFarms + honestFarms, falseFarms, caught,
                falseFarms == 0 ? 0 : (double) caught / falseFarms, caughtAsTrueCrop, honestFarms, honestFlagged,
                honestFarms == 0 ? 0 : (double) honestFlagged / honestFarms, referredForMismatch);
    }

    private static String declaredCrop(SyntheticSme sme, String plotId) {
        return sme.request().plots().stream().filter(p -> p.id().equals(plotId)).findFirst().orElseThrow().declaredCrop().name();
    }
}
