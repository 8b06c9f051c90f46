package org.greencredit.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;

/**
 * Finds, for each lever a firm controls, the smallest change that improves its rating, by rating the
 * changed request: nothing is shown that a rating did not confirm. Levers: each behaviour share
 * (raised in steps of 5 points), energy-saving equipment, energy use (every physical activity line cut
 * in steps of 5%, bills with it, so the tariff stays the firm's, and green power bought with it, so its
 * share does too) and existing debt (cut in steps of 10%).
 * Goals: a better colour, green grade, outcome or credit grade, and a larger limit. Behaviours keep the
 * request's basis: a declared behaviour raised stays declared.
 */
final class WhatIfSearch {
    enum Goal {
        COLOUR, GREEN_GRADE, APPROVAL, LIMIT, CREDIT_GRADE
    }

    private static final double SHARE_STEP = 0.05;
    private static final int ENERGY_STEP_PERCENT = 5;
    private static final int MAX_ENERGY_CUT_PERCENT = 60;
    private static final int DEBT_STEP_PERCENT = 10;
    private static final List<String> SHARES = List.of("eInvoiceShare", "paperlessReceiptShare", "greenProductShare",
            "renewableElectricityShare");

    private final RatingEngine engine;
    private final TextCatalogue texts;

    WhatIfSearch(RatingEngine engine, TextCatalogue texts) {
        this.engine = engine;
        this.texts = texts;
    }

    /** @param base the rating of {@code request} as it is */
    List<WhatIf> search(RatingRequest request, Rating base) {
        List<WhatIf> found = new ArrayList<>();
        GreenBehaviours b = request.greenBehaviours();
        for (String share : SHARES) {
            Double now = b == null ? null : share(b, share);
            double start = now == null ? 0 : now;
            List<Double> steps = new ArrayList<>();
            for (int k = 1; start + k * SHARE_STEP <= 1.0 + 1e-9; k++) {
                steps.add(Rounding.ratio(start + k * SHARE_STEP));
            }
            BilingualText name = texts.get("behaviour." + share);
            lever(request, base, share, "greenBehaviours." + share, now, steps, to -> withShare(request, share, to),
                    to -> texts.get("whatif.share").with("behaviour", name.zh(), name.en()).with("from", percent(start))
                            .with("to", percent(to)), found);
        }
        if (b == null || !Boolean.TRUE.equals(b.energySavingEquipment())) {
            lever(request, base, "energySavingEquipment", "greenBehaviours.energySavingEquipment", 0.0, List.of(1.0),
                    to -> withEquipment(request), to -> texts.get("whatif.equipment"), found);
        }
        if (request.carbonAccount() != null && !request.carbonAccount().lines().isEmpty()) {
            List<Double> factors = new ArrayList<>();
            for (int p = ENERGY_STEP_PERCENT; p <= MAX_ENERGY_CUT_PERCENT; p += ENERGY_STEP_PERCENT) {
                factors.add(1.0 - p / 100.0);
            }
            lever(request, base, "energyUse", "carbonAccount.lines[*].quantity", 1.0, factors, f -> withEnergy(request, f),
                    f -> texts.get("whatif.energy").with("percent", Math.round((1 - f) * 100)), found);
        }
        CreditFeatures credit = request.credit();
        if (credit != null && credit.existingDebtCny() != null && credit.existingDebtCny() > 0) {
            double debt = credit.existingDebtCny();
            List<Double> cuts = new ArrayList<>();
            for (int p = DEBT_STEP_PERCENT; p <= 100; p += DEBT_STEP_PERCENT) {
                cuts.add(Rounding.cny(debt * (1 - p / 100.0)));
            }
            lever(request, base, "existingDebt", "credit.existingDebtCny", debt, cuts, to -> withDebt(request, to),
                    to -> texts.get("whatif.debt").with("percent", Math.round((1 - to / debt) * 100)).with("to", Math.round(to)), found);
        }
        return found;
    }

    /** Walks the lever's steps from the smallest change and keeps the first step that reaches each goal not yet reached. */
    private void lever(RatingRequest request, Rating base, String lever, String field, Double from, List<Double> steps,
                       DoubleFunction<RatingRequest> change, DoubleFunction<BilingualText> describe, List<WhatIf> out) {
        Set<Goal> open = EnumSet.allOf(Goal.class);
        Map<Double, List<String>> reached = new LinkedHashMap<>();
        Map<Double, Rating> ratings = new LinkedHashMap<>();
        for (double step : steps) {
            if (open.isEmpty()) {
                break;
            }
            Rating changed = engine.rate(change.apply(step));
            for (Goal goal : List.copyOf(open)) {
                if (reaches(goal, base, changed)) {
                    open.remove(goal);
                    reached.computeIfAbsent(step, s -> new ArrayList<>()).add(goal.name());
                    ratings.put(step, changed);
                }
            }
        }
        for (Map.Entry<Double, List<String>> e : reached.entrySet()) {
            Rating r = ratings.get(e.getKey());
            BilingualText text = describe.apply(e.getKey());
            out.add(new WhatIf(lever, field, from, e.getKey(), e.getValue(), text.zh(), text.en(), r.decision().outcome().name(),
                    r.decision().limitCny(), r.decision().rateDiscountBp(), r.green().colour().name(), r.green().grade(), r.credit().grade()));
        }
    }

    static boolean reaches(Goal goal, Rating base, Rating changed) {
        return switch (goal) {
            case COLOUR -> rank(changed.green().colour()) > rank(base.green().colour());
            case GREEN_GRADE -> changed.green().grade().compareTo(base.green().grade()) < 0;
            case APPROVAL -> rank(changed.decision().outcome()) > rank(base.decision().outcome());
            case LIMIT -> changed.decision().limitCny() > base.decision().limitCny();
            case CREDIT_GRADE -> !changed.credit().grade().equals(base.credit().grade()) && changed.credit().pd() < base.credit().pd();
        };
    }

    private static int rank(Colour colour) {
        return switch (colour) {
            case RED -> 0;
            case YELLOW -> 1;
            case LIGHT_GREEN -> 2;
            case DEEP_GREEN -> 3;
        };
    }

    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case DECLINE -> 0;
            case REFER -> 1;
            case APPROVE -> 2;
        };
    }

    private static Double share(GreenBehaviours b, String share) {
        return switch (share) {
            case "eInvoiceShare" -> b.eInvoiceShare();
            case "paperlessReceiptShare" -> b.paperlessReceiptShare();
            case "greenProductShare" -> b.greenProductShare();
            case "renewableElectricityShare" -> b.renewableElectricityShare();
            default -> throw new IllegalArgumentException(share);
        };
    }

    private static RatingRequest withShare(RatingRequest r, String share, Double value) {
        GreenBehaviours b = behavioursOf(r);
        return r.withGreenBehaviours(new GreenBehaviours(
                share.equals("eInvoiceShare") ? value : b.eInvoiceShare(),
                share.equals("paperlessReceiptShare") ? value : b.paperlessReceiptShare(),
                share.equals("greenProductShare") ? value : b.greenProductShare(),
                share.equals("renewableElectricityShare") ? value : b.renewableElectricityShare(),
                b.energySavingEquipment(), b.certifications(), b.environmentalPenalties(), b.basis()));
    }

    private static RatingRequest withEquipment(RatingRequest r) {
        GreenBehaviours b = behavioursOf(r);
        return r.withGreenBehaviours(new GreenBehaviours(b.eInvoiceShare(), b.paperlessReceiptShare(), b.greenProductShare(),
                b.renewableElectricityShare(), true, b.certifications(), b.environmentalPenalties(), b.basis()));
    }

    private static GreenBehaviours behavioursOf(RatingRequest r) {
        return r.greenBehaviours() != null ? r.greenBehaviours() : new GreenBehaviours(null, null, null, null, null, null);
    }

    /** Every physical line and its bill cut by the factor, and green power bought with them, so its share stays the firm's. */
    private static RatingRequest withEnergy(RatingRequest r, double factor) {
        CarbonAccount a = r.carbonAccount();
        List<ActivityLine> lines = new ArrayList<>(a.lines().size());
        for (ActivityLine l : a.lines()) {
            lines.add(l.activity().isSpendBased() || l.quantity() == null ? l : new ActivityLine(l.month(), l.activity(),
                    l.quantity() * factor, l.unit(), l.category(), l.spendCny() == null ? null : l.spendCny() * factor, l.evidence()));
        }
        List<GreenPowerPurchase> green = new ArrayList<>(a.greenPower().size());
        for (GreenPowerPurchase p : a.greenPower()) {
            green.add(new GreenPowerPurchase(p.month(), p.kwh() * factor, p.certificateId()));
        }
        return r.withCarbonAccount(a.withLinesAndGreenPower(lines, green));
    }

    private static RatingRequest withDebt(RatingRequest r, double debt) {
        CreditFeatures c = r.credit();
        return r.withCredit(new CreditFeatures(c.monthlyInflowsCny(), c.monthlyOutflowsCny(), c.invoicesIssued(), c.taxPaidCny(), debt,
                c.maxPastDueDays(), c.yearsInBusiness()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
