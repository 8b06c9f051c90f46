package org.greencredit.service.audit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.greencredit.service.config.ServiceSettings;
import org.springframework.stereotype.Component;

/**
 * The audit keys this service knows, all kept outside the database: someone who can write to the
 * database cannot recompute the chain after an edit without them. The current key signs new entries
 * and checkpoints; it is given as {@code greencredit.audit.key} (from a secret store) or kept in
 * {@code greencredit.audit.key-file}, created with 32 random bytes on the first start when missing.
 * Previous keys ({@code greencredit.audit.previous-keys} and {@code previous-key-files}) only verify
 * the entries and checkpoints they made before a rotation.
 */
@Component
public class AuditKeys {
    private final AuditKey current;
    private final Map<String, AuditKey> byId = new LinkedHashMap<>();

    public AuditKeys(ServiceSettings settings) {
        ServiceSettings.Audit audit = settings.audit();
        this.current = audit.key().isBlank() ? AuditKey.fromFileCreatedWhenMissing(Path.of(audit.keyFile())) : AuditKey.ofText(audit.key());
        byId.put(current.id(), current);
        audit.previousKeys().stream().filter(k -> !k.isBlank()).map(AuditKey::ofText).forEach(k -> byId.putIfAbsent(k.id(), k));
        audit.previousKeyFiles().stream().filter(f -> !f.isBlank()).map(f -> AuditKey.fromFile(Path.of(f)))
                .forEach(k -> byId.putIfAbsent(k.id(), k));
    }

    /** The key that signs new entries and checkpoints. */
    public AuditKey current() {
        return current;
    }

    /** The key with this id, the current one or a previous one. */
    public Optional<AuditKey> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every known key, the current one first. */
    public Iterable<AuditKey> all() {
        return byId.values();
    }
}
