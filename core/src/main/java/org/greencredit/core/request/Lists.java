package org.greencredit.core.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable copies that keep null elements: a null inside a list is a validation error to
 * report with its index, so a constructor must not throw on it first. The empty list is
 * {@link Collections#emptyList()}, not {@code List.of()}, whose {@code contains(null)} throws.
 */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
