package org.greencredit.datasets.synthetic;

import org.greencredit.core.request.RatingRequest;

/** One generated applicant and the truth behind it. */
public record SyntheticSme(RatingRequest request, GroundTruth truth) {
}
