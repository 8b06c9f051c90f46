package org.greencredit.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Display texts kept out of the code: a UTF-8 resource with one text per line,
 * {@code key<TAB>zh<TAB>en}, a header line {@code key zh en} first, and {@code #} lines as comments.
 * Translators edit the file; a missing key is a start-up error, never a blank on a page.
 */
public final class TextCatalogue {
    private final String name;
    private final Map<String, BilingualText> texts;

    private TextCatalogue(String name, Map<String, BilingualText> texts) {
        this.name = name;
        this.texts = Map.copyOf(texts);
    }

    /** Reads a catalogue from the classpath, e.g. {@code /engine/texts.tsv}. */
    public static TextCatalogue fromClasspath(String resource) {
        try (InputStream in = TextCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static TextCatalogue parse(String name, String content) {
        Map<String, BilingualText> texts = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(content))) {
            String header = lines.readLine();
            if (!"key\tzh\ten".equals(header)) {
                throw new IllegalStateException(name + ": line 1 must be the header 'key<TAB>zh<TAB>en'");
            }
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
                    throw new IllegalStateException(name + ": line " + number + ": expected key, zh and en separated by tabs, all non-empty");
                }
                if (texts.put(fields[0], new BilingualText(fields[1], fields[2])) != null) {
                    throw new IllegalStateException(name + ": line " + number + ": key '" + fields[0] + "' appears twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextCatalogue(name, texts);
    }

    /** The text under {@code key}; an unknown key is a programming error and says which file lacks it. */
    public BilingualText get(String key) {
        BilingualText text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException(name + " has no text '" + key + "'");
        }
        return text;
    }
}
