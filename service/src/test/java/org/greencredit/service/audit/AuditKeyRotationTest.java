package org.greencredit.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the audit key, as an operator does it: restart the service on the same database with a new
 * key and the old one among the previous keys. Each start is a whole service on one H2 file.
 */
@Tag("slow")
class AuditKeyRotationTest {
    private static final String FIRST_KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String... settings) {
        return ServiceOnH2File.start(dir, settings);
    }

    /** A key's id as the README defines it: the first 16 hex digits of the SHA-256 of the key's hex form. */
    private static String idOf(byte[] key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().formatHex(key).getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static AuditEntry latest(ConfigurableApplicationContext service) {
        List<AuditEntry> all = service.getBean(AuditLog.class).entries(0, 1000);
        return all.get(all.size() - 1);
    }

    @Test
    void aRotationIsAnEntryAndEverythingBeforeItStillVerifiesWithThePreviousKey() throws Exception {
        Path firstKeyFile = dir.resolve("first.key");
        Files.writeString(firstKeyFile, FIRST_KEY_HEX + "\n");
        String firstId = idOf(HexFormat.of().parseHex(FIRST_KEY_HEX));
        String secondId = idOf("second-key".getBytes(StandardCharsets.UTF_8));
        String thirdId = idOf("third-key".getBytes(StandardCharsets.UTF_8));

        AuditLog.Checkpoint before;
        try (ConfigurableApplicationContext service = start("greencredit.audit.key-file=" + firstKeyFile)) {
            assertThat(latest(service).action()).isEqualTo("VERSIONS_IN_SERVICE");
            assertThat(latest(service).keyId()).isEqualTo(firstId);
            before = service.getBean(AuditLog.class).checkpoint();
            assertThat(before.keyId()).isEqualTo(firstId);
        }

        try (ConfigurableApplicationContext service = start("greencredit.audit.key=second-key",
                "greencredit.audit.previous-key-files=" + firstKeyFile)) {
            AuditLog log = service.getBean(AuditLog.class);
            AuditEntry rotation = latest(service);
            assertThat(rotation.action()).isEqualTo("AUDIT_KEY_ROTATED");
            assertThat(rotation.seq()).isEqualTo(before.seq() + 1);
            assertThat(rotation.keyId()).isEqualTo(secondId);
            assertThat(rotation.subjectId()).isEqualTo(secondId);
            assertThat(rotation.details()).contains(firstId);
            assertThat(log.verify()).isEqualTo(new AuditLog.Verification(true, before.seq() + 1, null, null));
            // A checkpoint the auditor kept from before the rotation still verifies, with or without its key id.
            assertThat(log.verify(before).intact()).isTrue();
            assertThat(log.verify(new AuditLog.Checkpoint(before.seq(), before.hash(), null, before.signature())).intact()).isTrue();
            assertThat(log.checkpoint().keyId()).isEqualTo(secondId);
            appendedWithTheRetiredKeyIsRefused(service, firstKeyFile, firstId, secondId);
        }

        // The previous key is lost: the service does not start rather than write entries that break the chain.
        assertThatThrownBy(() -> start("greencredit.audit.key=third-key").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit key " + secondId).hasMessageContaining("greencredit.audit.previous-key-files");

        // Given only the latest previous key, it rotates again, but the entries of the first key cannot be verified.
        try (ConfigurableApplicationContext service = start("greencredit.audit.key=third-key", "greencredit.audit.previous-keys=second-key")) {
            assertThat(latest(service).action()).isEqualTo("AUDIT_KEY_ROTATED");
            assertThat(latest(service).keyId()).isEqualTo(thirdId);
            AuditLog.Verification result = service.getBean(AuditLog.class).verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(1L);
            assertThat(result.problem()).contains("audit key " + firstId + ", which this service does not know");
        }
    }

    /** Someone holding the retired key appends an entry after the rotation: the chain's key may change only with a rotation entry. */
    private static void appendedWithTheRetiredKeyIsRefused(ConfigurableApplicationContext service, Path retiredKeyFile, String retiredId,
                                                           String currentId) {
        JdbcClient jdbc = service.getBean(JdbcClient.class);
        AuditLog log = service.getBean(AuditLog.class);
        AuditEntry head = latest(service);
        long seq = head.seq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditKey.fromFile(retiredKeyFile).hmac(AuditEntry.keyedCanonical(seq, at, "officer", "OVERRIDE_APPLIED", "rating",
                "r-forged", null, null, null, "limit raised", head.hash(), retiredId));
        jdbc.sql("""
                insert into audit_entry (seq, at, actor, action, subject_type, subject_id, details, prev_hash, hash, format, key_id)
                values (:seq, :at, 'officer', 'OVERRIDE_APPLIED', 'rating', 'r-forged', 'limit raised', :prev, :hash, 2, :keyId)
                """).param("seq", seq).param("at", Timestamp.from(at)).param("prev", head.hash()).param("hash", hash)
                .param("keyId", retiredId).update();
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", seq).param("hash", hash).update();
        try {
            AuditLog.Verification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo("the audit key changed from " + currentId + " to " + retiredId
                    + " without an AUDIT_KEY_ROTATED entry");
        } finally {
            jdbc.sql("delete from audit_entry where seq = :seq").param("seq", seq).update();
            jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1").param("seq", head.seq()).param("hash", head.hash())
                    .update();
        }
        assertThat(log.verify().intact()).isTrue();
    }
}
