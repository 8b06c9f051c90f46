package org.greencredit.core.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Display texts kept out of the code: a UTF-8 resource with one text per line,
 * {@code key<TAB>zh<TAB>en}, a header line {@code key zh en} first, and {@code #} lines as comments.
 * Translators edit the file; a missing key is a start-up error, never a blank on a page.
 */
public final class TextCatalogue {
    private static final List<String> HEADER = List.of("key", "zh", "en");
    private final String name;
    private final Map<String, BilingualText> texts;

    private TextCatalogue(String name, Map<String, BilingualText> texts) {
        this.name = name;
        this.texts = Map.copyOf(texts);
    }

    /** Reads a catalogue from the classpath, e.g. {@code /engine/texts.tsv}. */
    public static TextCatalogue fromClasspath(String resource) {
        return of(resource, TabSeparated.fromClasspath(resource, HEADER));
    }

    static TextCatalogue parse(String name, String content) {
        return of(name, TabSeparated.parse(name, content, HEADER));
    }

    private static TextCatalogue of(String name, List<TabSeparated.Row> rows) {
        Map<String, BilingualText> texts = new LinkedHashMap<>();
        for (TabSeparated.Row row : rows) {
            if (texts.put(row.get(0), new BilingualText(row.get(1), row.get(2))) != null) {
                throw new IllegalStateException(name + ": line " + row.line() + ": key '" + row.get(0) + "' appears twice");
            }
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
