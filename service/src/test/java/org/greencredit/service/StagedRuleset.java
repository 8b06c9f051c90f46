package org.greencredit.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A directory of the rules' staging directory for tests: the shipped rules and cases under another declared version. */
public final class StagedRuleset {
    private static final List<String> FILES = List.of("ruleset.properties", "green-criteria.drl.xlsx", "green.drl", "policy-criteria.drl.xlsx",
            "policy.drl", "cases.csv");

    private StagedRuleset() {
    }

    /** Copies the shipped rules into {@code dir} as ruleset {@code version}, with {@code extraPolicy} appended to policy.drl. */
    public static void copyShipped(Path dir, String version, String extraPolicy) throws IOException {
        Files.createDirectories(dir);
        for (String file : FILES) {
            try (InputStream in = StagedRuleset.class.getResourceAsStream("/rules/" + file)) {
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
        Path properties = dir.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("version=.*", "version=" + version));
        Files.writeString(dir.resolve("policy.drl"), Files.readString(dir.resolve("policy.drl"), StandardCharsets.UTF_8) + extraPolicy,
                StandardCharsets.UTF_8);
    }
}
