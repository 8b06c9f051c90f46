package org.greencredit.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A request that cannot be rated as it stands; {@link #errors()} names every bad field. */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    /**
     * The errors listed at most: a request with 100,000 bad lines gets the first hundred and a count of
     * the rest, not a 15 MB answer.
     */
    public static final int MAX_LISTED = 100;

    public InvalidRequestException(List<FieldError> errors) {
        super(capped(errors).stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = capped(errors);
    }

    private static List<FieldError> capped(List<FieldError> errors) {
        if (errors.size() <= MAX_LISTED) {
            return List.copyOf(errors);
        }
        List<FieldError> first = new ArrayList<>(errors.subList(0, MAX_LISTED));
        first.add(new FieldError("$", "and " + (errors.size() - MAX_LISTED) + " more errors not listed; fix these first"));
        return List.copyOf(first);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
