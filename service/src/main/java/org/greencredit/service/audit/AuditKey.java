package org.greencredit.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.greencredit.service.config.ServiceSettings;
import org.greencredit.service.support.Sha256;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMAC, kept outside the database: someone who can write to the
 * database cannot recompute the chain after an edit without it. Given as {@code greencredit.audit.key}
 * (e.g. from a secret store through the environment), or read from {@code greencredit.audit.key-file},
 * which is created with 32 random bytes (owner-only) on the first start when missing. Its id (the
 * first 16 hex digits of its SHA-256) is stored with each entry, never the key.
 */
@Component
public class AuditKey {
    private final byte[] key;
    private final String id;

    public AuditKey(ServiceSettings settings) {
        ServiceSettings.Audit audit = settings.audit();
        this.key = audit.key().isBlank() ? fromFile(Path.of(audit.keyFile())) : audit.key().getBytes(StandardCharsets.UTF_8);
        this.id = Sha256.hex(HexFormat.of().formatHex(key)).substring(0, 16);
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the file's own ACLs apply.
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit key file " + file + " does not hold hex digits", e);
        }
    }

    public String id() {
        return id;
    }

    /** HMAC-SHA256 of {@code text} as 64 lower-case hex digits. */
    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
