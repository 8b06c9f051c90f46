package org.greencredit.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.Instalment;

/**
 * Repayment schedules: equal monthly principal for businesses; for farms a single repayment
 * in the month after harvest, when the crop has been sold (大山雀: repayment follows harvest).
 * Due months count from the latest month of the applicant's own data, so the same request
 * always yields the same schedule.
 */
final class RepaymentPlanner {
    private RepaymentPlanner() {
    }

    static List<Instalment> monthly(double principal, int termMonths, YearMonth asOf) {
        List<Instalment> schedule = new ArrayList<>();
        if (principal <= 0 || termMonths <= 0) {
            return schedule;
        }
        double each = Math.floor(principal / termMonths * 100.0) / 100.0;
        double paid = 0;
        for (int i = 1; i <= termMonths; i++) {
            double amount = i == termMonths ? Rounding.cny(principal - paid) : each;
            paid += amount;
            schedule.add(new Instalment(asOf.plusMonths(i), amount));
        }
        return schedule;
    }

    /** Months from {@code asOf} to the month after the next harvest month (1..12). */
    static int monthsToHarvestSale(YearMonth asOf, int harvestMonth) {
        int months = Math.floorMod(harvestMonth - asOf.getMonthValue(), 12);
        return (months == 0 ? 12 : months) + 1;
    }

    static List<Instalment> atHarvest(double principal, YearMonth asOf, int harvestMonth) {
        if (principal <= 0) {
            return List.of();
        }
        return List.of(new Instalment(asOf.plusMonths(monthsToHarvestSale(asOf, harvestMonth)), Rounding.cny(principal)));
    }
}
