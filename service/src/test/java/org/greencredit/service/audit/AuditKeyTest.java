package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.greencredit.service.config.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {
    private static ServiceSettings settings(String key, Path file) {
        return new ServiceSettings(null, null, null, null, null, null, null, null, new ServiceSettings.Audit(key, file.toString()));
    }

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/audit.key");
        AuditKey first = new AuditKey(settings("", file));
        assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        AuditKey again = new AuditKey(settings("", file));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.hmac("entry")).isEqualTo(first.hmac("entry"));
    }

    @Test
    void aGivenKeyWinsOverTheFileAndAnotherKeyGivesAnotherHash(@TempDir Path dir) {
        AuditKey given = new AuditKey(settings("secret-from-the-vault", dir.resolve("unused.key")));
        AuditKey other = new AuditKey(settings("another-secret", dir.resolve("unused.key")));
        assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
        assertThat(given.hmac("entry")).hasSize(64).isNotEqualTo(other.hmac("entry"));
        assertThat(given.id()).isNotEqualTo(other.id());
    }

    @Test
    void textCannotMoveBetweenFieldsWithoutChangingTheKeyedForm() {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        // The plain form joins fields with line breaks, so these two entries read the same; the keyed form tells them apart.
        assertThat(AuditEntry.canonical(1, at, "officer\nOVERRIDE_APPLIED", "rating", "r1", "x", null, null, null, "0"))
                .isEqualTo(AuditEntry.canonical(1, at, "officer", "OVERRIDE_APPLIED\nrating", "r1", "x", null, null, null, "0"));
        assertThat(AuditEntry.keyedCanonical(1, at, "officer\nOVERRIDE_APPLIED", "rating", "r1", "x", null, null, null, null, "0", "k"))
                .isNotEqualTo(AuditEntry.keyedCanonical(1, at, "officer", "OVERRIDE_APPLIED\nrating", "r1", "x", null, null, null, null, "0", "k"));
        assertThat(AuditEntry.keyedCanonical(1, at, "a", "b", "c", "d", null, null, null, null, "0", "k"))
                .isNotEqualTo(AuditEntry.keyedCanonical(1, at, "a", "b", "c", "d", "", null, null, null, "0", "k"));
    }
}
