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
import org.greencredit.service.support.Sha256;

/**
 * One key of the audit chain's HMAC. Its id (the first 16 hex digits of the SHA-256 of its hex form)
 * is stored with each entry, never the key.
 */
public final class AuditKey {
    private final byte[] key;
    private final String id;

    private AuditKey(byte[] key) {
        this.key = key.clone();
        this.id = Sha256.hex(HexFormat.of().formatHex(key)).substring(0, 16);
    }

    /** A key given as text (e.g. from a secret store through the environment): its UTF-8 bytes. */
    public static AuditKey ofText(String text) {
        return new AuditKey(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A key kept in a file as hex digits, which must exist. */
    public static AuditKey fromFile(Path file) {
        try {
            return new AuditKey(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the audit key file " + file + " does not hold hex digits", e);
        }
    }

    /** The key in {@code file}, which is created with 32 random bytes (owner-only) when missing. */
    public static AuditKey fromFileCreatedWhenMissing(Path file) {
        if (Files.exists(file)) {
            return fromFile(file);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit key file " + file, e);
        }
        return new AuditKey(fresh);
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

    @Override
    public String toString() {
        return "audit key " + id;
    }
}
