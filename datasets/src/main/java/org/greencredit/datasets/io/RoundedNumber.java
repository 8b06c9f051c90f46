package org.greencredit.datasets.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a measured figure (a metric, a rate, a speed) to a fixed number of decimals, and an
 * undefined one (NaN, infinite) as {@code null}, so that reports read the same on every run and
 * stay valid JSON. Put on a record component with
 * {@code @JsonSerialize(using = RoundedNumber.Six.class)}; ratings never use it, they round with
 * {@code Rounding} where they compute.
 */
public abstract class RoundedNumber extends ValueSerializer<Number> {
    private final int decimals;

    RoundedNumber(int decimals) {
        this.decimals = decimals;
    }

    @Override
    public void serialize(Number value, JsonGenerator gen, SerializationContext context) {
        double d = value.doubleValue();
        if (Double.isFinite(d)) {
            gen.writeNumber(BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP));
        } else {
            gen.writeNull();
        }
    }

    /** Whole numbers: throughputs. */
    public static final class Zero extends RoundedNumber {
        public Zero() {
            super(0);
        }
    }

    /** One decimal: seconds and rates per second. */
    public static final class One extends RoundedNumber {
        public One() {
            super(1);
        }
    }

    /** Two decimals: latencies in milliseconds. */
    public static final class Two extends RoundedNumber {
        public Two() {
            super(2);
        }
    }

    /** Three decimals: kilograms and seconds. */
    public static final class Three extends RoundedNumber {
        public Three() {
            super(3);
        }
    }

    /** Four decimals: rates and shares. */
    public static final class Four extends RoundedNumber {
        public Four() {
            super(4);
        }
    }

    /** Six decimals: model metrics and probabilities. */
    public static final class Six extends RoundedNumber {
        public Six() {
            super(6);
        }
    }
}
