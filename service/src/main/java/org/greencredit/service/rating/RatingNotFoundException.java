package org.greencredit.service.rating;

/** No rating with this id. */
public final class RatingNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RatingNotFoundException(String id) {
        super("no rating with id '" + id + "'");
    }
}
