package org.greencredit.engine.output;

import java.util.function.Function;
import org.greencredit.core.rating.Rating;

/** How much of a rating is written: all of it, or the decision and a hash of the rest. */
public enum RatingProfile {
    /** The rating as the engine made it: every carbon line, rule hit, contribution and counterfactual. */
    FULL(Rating.class, rating -> rating),
    /** {@link RatingDecision}: about 1 KB instead of tens. */
    DECISION(RatingDecision.class, RatingDecision::of);

    private final Class<?> type;
    private final Function<Rating, ?> shape;

    RatingProfile(Class<?> type, Function<Rating, ?> shape) {
        this.type = type;
        this.shape = shape;
    }

    /** The record type written for each rating. */
    public Class<?> type() {
        return type;
    }

    /** What is written for {@code rating}: an instance of {@link #type()}. */
    public Object shape(Rating rating) {
        return shape.apply(rating);
    }
}
