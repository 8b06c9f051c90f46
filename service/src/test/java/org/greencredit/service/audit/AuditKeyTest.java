package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.greencredit.service.config.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {
    private static ServiceSettings settings(String key, Path file, List<String> previousKeys, List<String> previousKeyFiles) {
        return new ServiceSettings(null, null, null, null, null, null, null, null, null, null,
                new ServiceSettings.Audit(key, file.toString(), previousKeys, previousKeyFiles), null);
    }

    private static AuditKey current(String key, Path file) {
        return new AuditKeys(settings(key, file, List.of(), List.of())).current();
    }

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyAndReadBackTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/audit.key");
        AuditKey first = current("", file);
        assertThat(Files.readString(file).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        AuditKey again = current("", file);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.hmac("entry")).isEqualTo(first.hmac("entry"));
    }

    @Test
    void aGivenKeyWinsOverTheFileAndAnotherKeyGivesAnotherHash(@TempDir Path dir) {
        AuditKey given = current("secret-from-the-vault", dir.resolve("unused.key"));
        AuditKey other = current("another-secret", dir.resolve("unused.key"));
        assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
        assertThat(given.hmac("entry")).hasSize(64).isNotEqualTo(other.hmac("entry"));
        assertThat(given.id()).isNotEqualTo(other.id());
    }

    @Test
    void previousKeysAreKnownByTheirIdsButNeverSignAndAMissingPreviousKeyFileIsAnError(@TempDir Path dir) throws IOException {
        Path previousFile = dir.resolve("previous.key");
        Files.writeString(previousFile, "ff".repeat(32) + "\n");
        AuditKeys keys = new AuditKeys(settings("current", dir.resolve("unused.key"), List.of("older", ""), List.of(previousFile.toString())));
        AuditKey older = current("older", dir.resolve("unused.key"));
        assertThat(keys.current().id()).isEqualTo(current("current", dir.resolve("unused.key")).id());
        assertThat(keys.find(older.id())).hasValueSatisfying(k -> assertThat(k.hmac("entry")).isEqualTo(older.hmac("entry")));
        assertThat(keys.find(AuditKey.fromFile(previousFile).id())).isPresent();
        assertThat(keys.find("0123456789abcdef")).isEmpty();
        assertThat(keys.find(null)).isEmpty();
        assertThat(keys.all()).hasSize(3).first().isSameAs(keys.current());

        Path missing = dir.resolve("gone.key");
        assertThatThrownBy(() -> new AuditKeys(settings("current", dir.resolve("unused.key"), List.of(), List.of(missing.toString()))))
                .hasMessage("cannot read the audit key file " + missing);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aKeyFileWithoutHexDigitsIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("audit.key");
        Files.writeString(file, "not hex\n");
        assertThatThrownBy(() -> current("", file)).hasMessage("the audit key file " + file + " does not hold hex digits");
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
