package org.greencredit.service.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows an audited action stores, written on the connection of the transaction that also records the action's
 * entry (see {@link AuditLog#store}), so that the rows and the entry are committed together or not at all.
 */
@FunctionalInterface
public interface AuditedWrite {
    void writeTo(JdbcClient database);

    /** This write, then {@code next}, in the same transaction. */
    default AuditedWrite andThen(AuditedWrite next) {
        return database -> {
            writeTo(database);
            next.writeTo(database);
        };
    }
}
