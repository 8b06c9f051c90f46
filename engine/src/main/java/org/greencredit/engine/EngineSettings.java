package org.greencredit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The engine's own settings from {@code engine/engine.properties}: its build version and which
 * shipped models a standard engine rates with. Bank policy lives in the rule tables and figures in
 * the reference data; this file only names versions.
 */
public record EngineSettings(String version, String scorecard, String thinFileScorecard, String cropModel, String earlyCropModel, String yieldModel) {
    static final String RESOURCE = "/engine/engine.properties";

    public static EngineSettings shipped() {
        Properties p = new Properties();
        try (InputStream in = EngineSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return of(p);
    }

    static EngineSettings of(Properties p) {
        return new EngineSettings(required(p, "version"), required(p, "model.scorecard"), required(p, "model.scorecardThinFile"),
                required(p, "model.crop"),
                required(p, "model.cropEarly"), required(p, "model.yield"));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": '" + key + "' is missing or blank");
        }
        return value.strip();
    }
}
