package org.greencredit.service.rating;

import org.greencredit.core.rating.Rating;

/** Told of every rating once it is stored (committed), e.g. to count the population the models see. */
public interface RatingStoredListener {
    void stored(Rating rating);
}
