package org.greencredit.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.Invoice;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.units.Unit;
import org.greencredit.core.units.UnitException;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates a {@link RatingRequest} with Jakarta Bean Validation (no Spring, no EL) plus
 * the checks annotations cannot express: units that fit the activity, months in range,
 * and reference codes known to the catalogue. Every problem is reported, not just the first.
 * The long lists (activity lines, monthly series) are checked by {@link LongListChecks} instead of
 * the reflective cascade, with the same paths and messages, and the rest goes through Bean Validation
 * only when {@link SurelyValid} cannot tell that it holds. Thread-safe.
 */
public final class RequestValidator implements AutoCloseable {
    /** Activity data before this month predates every factor table the engine holds. */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(2000, 1);

    private final ValidatorFactory factory;
    private final Validator validator;
    private final ReferenceCodes codes;
    private final Clock clock;
    private final boolean fastPaths;

    public RequestValidator(ReferenceCodes codes, Clock clock) {
        this(codes, clock, true);
    }

    /** @param fastPaths false for Bean Validation of everything, every time: the reference the hand checks are tested against */
    RequestValidator(ReferenceCodes codes, Clock clock, boolean fastPaths) {
        var configuration = Validation.byProvider(HibernateValidator.class).configure().messageInterpolator(new ParameterMessageInterpolator());
        this.factory = (fastPaths ? configuration.traversableResolver(new SkipLongLists()) : configuration).buildValidatorFactory();
        this.fastPaths = fastPaths;
        this.validator = factory.getValidator();
        this.codes = codes;
        this.clock = clock;
    }

    /** Returns every problem with the request, sorted by field; empty when it can be rated. */
    public List<FieldError> problems(RatingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("$", "request body is required", FieldError.REQUIRED));
            return errors;
        }
        if (!fastPaths || !SurelyValid.request(request)) {
            Set<ConstraintViolation<RatingRequest>> violations = validator.validate(request);
            for (ConstraintViolation<RatingRequest> v : violations) {
                errors.add(new FieldError(pathOf(v.getPropertyPath()), v.getMessage(), codeOf(v)));
            }
        }
        if (request.sme() != null) {
            checkCodes(request, errors);
        }
        if (request.carbonAccount() != null) {
            if (fastPaths) {
                LongListChecks.lines("carbonAccount.lines", request.carbonAccount().lines(), errors);
            }
            checkLines(request.carbonAccount(), errors);
            checkGreenPower(request.carbonAccount(), errors);
        }
        if (fastPaths && request.plots() != null) {
            for (int i = 0; i < request.plots().size(); i++) {
                Plot plot = request.plots().get(i);
                if (plot != null) {
                    LongListChecks.ndvi("plots[" + i + "].ndvi", plot.ndvi(), errors);
                }
            }
        }
        if (request.invoices() != null) {
            checkInvoices("invoices.sales", request.invoices().sales(), errors);
            checkInvoices("invoices.purchases", request.invoices().purchases(), errors);
        }
        if (fastPaths && request.credit() != null) {
            LongListChecks.monthlyMoney("credit.monthlyInflowsCny", request.credit().monthlyInflowsCny(), errors);
            LongListChecks.monthlyMoney("credit.monthlyOutflowsCny", request.credit().monthlyOutflowsCny(), errors);
        }
        errors.sort(null);
        return errors;
    }

    /** Throws {@link InvalidRequestException} naming every bad field. */
    public void requireValid(RatingRequest request) {
        List<FieldError> errors = problems(request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private void checkCodes(RatingRequest request, List<FieldError> errors) {
        String region = request.sme().regionCode();
        if (region != null && region.matches("\\d{6}") && !codes.isKnownRegion(region)) {
            errors.add(new FieldError("sme.regionCode", "unknown GB/T 2260 region code '" + region
                    + "': its province part '" + region.substring(0, 2) + "' is not a province of China", FieldError.UNKNOWN_CODE));
        }
        String industry = request.sme().industryCode();
        if (industry != null && industry.matches("[A-T]\\d{2,4}") && !codes.isKnownIndustry(industry)) {
            errors.add(new FieldError("sme.industryCode", "unknown GB/T 4754-2017 industry code '" + industry
                    + "': division " + industry.substring(1, 3) + " does not exist in section " + industry.charAt(0), FieldError.UNKNOWN_CODE));
        }
    }

    private void checkLines(CarbonAccount account, List<FieldError> errors) {
        YearMonth latest = YearMonth.now(clock);
        for (int i = 0; i < account.lines().size(); i++) {
            ActivityLine line = account.lines().get(i);
            if (line == null || line.activity() == null) {
                continue;
            }
            if (line.month() != null && (line.month().isBefore(EARLIEST_MONTH) || line.month().isAfter(latest))) {
                errors.add(new FieldError(linePath(i, "month"), "month " + line.month() + " is out of range: must be between "
                        + EARLIEST_MONTH + " and " + latest, FieldError.RANGE));
            }
            if (line.activity().isSpendBased()) {
                if (line.spendCny() == null) {
                    errors.add(new FieldError(linePath(i, "spendCny"), "is required for " + line.activity(), FieldError.REQUIRED));
                }
                if (line.category() == null || line.category().isBlank()) {
                    errors.add(new FieldError(linePath(i, "category"), "is required for " + line.activity(), FieldError.REQUIRED));
                } else if (!codes.isKnownSpendCategory(line.category())) {
                    errors.add(new FieldError(linePath(i, "category"), "unknown spend category '" + line.category()
                            + "'; known: " + codes.spendCategories(), FieldError.UNKNOWN_CODE));
                }
            } else {
                if (line.quantity() == null) {
                    errors.add(new FieldError(linePath(i, "quantity"), "is required for " + line.activity(), FieldError.REQUIRED));
                }
                if (line.unit() == null) {
                    errors.add(new FieldError(linePath(i, "unit"), "is required for " + line.activity(), FieldError.REQUIRED));
                } else {
                    try {
                        Unit.parse(line.unit()).requireFits(line.activity());
                    } catch (UnitException e) {
                        errors.add(new FieldError(linePath(i, "unit"), e.getMessage(), FieldError.UNKNOWN_CODE));
                    }
                }
            }
        }
    }

    /** Green power bought in a month cannot exceed the electricity used that month: the rest would be a deduction from nothing. */
    private void checkGreenPower(CarbonAccount account, List<FieldError> errors) {
        if (account.greenPower().isEmpty()) {
            return;
        }
        Map<YearMonth, Double> used = new HashMap<>();
        for (ActivityLine line : account.lines()) {
            if (line != null && line.activity() == Activity.ELECTRICITY && line.month() != null && line.quantity() != null
                    && line.unit() != null) {
                try {
                    used.merge(line.month(), Unit.parse(line.unit()).requireFits(Activity.ELECTRICITY).convert(line.quantity(), Unit.KWH),
                            Double::sum);
                } catch (UnitException e) {
                    // the line's own unit error is reported by checkLines
                }
            }
        }
        // A missing or non-finite amount has its own error; the month's total is compared only when every amount is a number.
        Map<YearMonth, Double> bought = new HashMap<>();
        for (GreenPowerPurchase p : account.greenPower()) {
            if (p != null && p.month() != null && p.kwh() != null) {
                bought.merge(p.month(), p.kwh(), Double::sum);
            }
        }
        for (int i = 0; i < account.greenPower().size(); i++) {
            GreenPowerPurchase p = account.greenPower().get(i);
            if (p == null || p.month() == null || p.kwh() == null || !Double.isFinite(bought.get(p.month()))) {
                continue;
            }
            double electricity = used.getOrDefault(p.month(), 0.0);
            if (bought.get(p.month()) > electricity * (1 + 1e-9)) {
                errors.add(new FieldError("carbonAccount.greenPower[" + i + "].kwh", String.format(Locale.ROOT,
                        "%s kWh of green power bought in %s is more than the %s kWh of electricity the lines show for that month",
                        plain(bought.get(p.month())), p.month(), plain(electricity)), FieldError.INCONSISTENT));
            }
        }
    }

    /** The kind of a Bean Validation problem, from its constraint. */
    public static String codeOf(ConstraintViolation<?> violation) {
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> FieldError.REQUIRED;
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> FieldError.RANGE;
            case "Finite" -> FieldError.NUMBER;
            case "Plausible" -> FieldError.IMPLAUSIBLE;
            case "Size" -> FieldError.SIZE;
            case "Pattern", "PastOrPresent", "Past" -> FieldError.FORMAT;
            case "ValidRing" -> FieldError.GEOMETRY;
            default -> FieldError.INVALID;
        };
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void checkInvoices(String path, List<Invoice> invoices, List<FieldError> errors) {
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            if (invoice != null && !invoice.totalAddsUp()) {
                errors.add(new FieldError(path + "[" + i + "].totalCny", String.format(Locale.ROOT,
                        "is %.2f, but amountCny %.2f + taxCny %.2f = %.2f", invoice.totalCny(), invoice.amountCny(), invoice.taxCny(),
                        invoice.amountCny() + invoice.taxCny()), FieldError.INCONSISTENT));
            }
        }
    }

    /** Made only for an error: most lines have none. */
    private static String linePath(int index, String field) {
        return "carbonAccount.lines[" + index + "]." + field;
    }

    /** Leaves the lists {@link LongListChecks} checks, with their elements, to it. */
    private static final class SkipLongLists implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path pathToBean, ElementType elementType) {
            String name = property.getName();
            return !(bean instanceof CarbonAccount && "lines".equals(name))
                    && !(bean instanceof CreditFeatures && ("monthlyInflowsCny".equals(name) || "monthlyOutflowsCny".equals(name)))
                    && !(bean instanceof Plot && "ndvi".equals(name));
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path pathToBean, ElementType elementType) {
            return isReachable(bean, property, rootType, pathToBean, elementType);
        }
    }

    static String pathOf(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (name != null && !name.startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.length() == 0 ? "$" : out.toString();
    }

    @Override
    public void close() {
        factory.close();
    }
}
