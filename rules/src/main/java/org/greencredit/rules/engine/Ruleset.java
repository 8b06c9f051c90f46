package org.greencredit.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * A compiled, validated set of rules with its version and content hash. Built once and
 * shared: a KieBase is thread-safe and each evaluation opens its own stateless session.
 */
public final class Ruleset {
    private static final String CLASSPATH_DIR = "/rules/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> REQUIRED_METADATA = List.of("id", "titleZh", "titleEn", "source");

    private final KieBase kieBase;
    private final String version;
    private final Map<String, RuleInfo> rulesByName;

    private Ruleset(KieBase kieBase, String version, Map<String, RuleInfo> rulesByName) {
        this.kieBase = kieBase;
        this.version = version;
        this.rulesByName = rulesByName;
    }

    /** The ruleset shipped in this jar: the files listed in {@code rules/ruleset.properties}. */
    public static Ruleset shipped() {
        return load(name -> Ruleset.class.getResourceAsStream(CLASSPATH_DIR + name), "classpath:rules/");
    }

    /**
     * A ruleset from a directory laid out as the shipped one: {@code ruleset.properties} naming
     * the version and the files (DRL and {@code .drl.xlsx} decision tables).
     */
    public static Ruleset fromDirectory(Path dir) {
        return compile(sourcesOf(dir));
    }

    /**
     * What a ruleset is compiled from: its version and its files' bytes by name. Serializable, so that a job can read a
     * rules directory once and send it to the machines that rate.
     */
    public record Sources(String version, LinkedHashMap<String, byte[]> files) implements Serializable {
        /** The version a ruleset compiled from these sources reports: the declared one and the files' content hash. */
        public String versionWithHash() {
            return Ruleset.versionWithHash(version, files);
        }
    }

    private static String versionWithHash(String version, Map<String, byte[]> files) {
        return version + "+" + hash(files);
    }

    /** The version and files a rules directory names in its {@code ruleset.properties}, read but not compiled. */
    public static Sources sourcesOf(Path dir) {
        return read(name -> {
            Path file = dir.resolve(name);
            try {
                return Files.exists(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }, dir + "/");
    }

    public static Ruleset compile(Sources sources) {
        return compile(sources.version(), sources.files());
    }

    private interface Source {
        InputStream open(String name) throws IOException;
    }

    private static Ruleset load(Source source, String where) {
        return compile(read(source, where));
    }

    private static Sources read(Source source, String where) {
        Properties properties = new Properties();
        try (InputStream in = source.open("ruleset.properties")) {
            if (in == null) {
                throw new RulesetException(List.of(where + "ruleset.properties is missing"));
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (String file : properties.getProperty("files", "").split(",")) {
            String name = file.trim();
            try (InputStream in = source.open(name)) {
                if (in == null) {
                    throw new RulesetException(List.of(where + name + " is listed in ruleset.properties but missing"));
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Sources(properties.getProperty("version", "unversioned"), files);
    }

    /** Compiles DRL text files (file name to text) and checks every rule's metadata. */
    public static Ruleset compileDrl(String version, Map<String, String> drlFiles) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        drlFiles.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return compile(version, files);
    }

    /** Compiles rule sources (DRL, or decision tables named {@code *.drl.xlsx}) and checks every rule's metadata. */
    public static Ruleset compile(String version, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            throw new RulesetException(List.of("no rule files"));
        }
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fs = kie.newKieFileSystem();
        // Drools expects a DRL file in the folder of its package; the file name alone is what users see.
        files.forEach((name, bytes) -> fs.write("src/main/resources/" + folderOf(name, bytes) + name, bytes));
        KieBuilder builder = kie.newKieBuilder(fs).buildAll();
        List<String> problems = new ArrayList<>();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            // Drools adds this after any parse error in a file; it says nothing the first error did not.
            boolean echo = m.getText() != null && m.getText().contains("Parser returned a null Package") && errors.size() > 1;
            if (!echo) {
                problems.add(DecisionTableLocations.describe(m, files));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesetException(problems);
        }
        KieContainer container = kie.newKieContainer(builder.getKieModule().getReleaseId());
        KieBase kieBase = container.getKieBase();
        Map<String, RuleInfo> rules = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                List<String> missing = REQUIRED_METADATA.stream().filter(k -> text(rule, k).isEmpty()).toList();
                if (!missing.isEmpty()) {
                    problems.add("rule '" + rule.getName() + "' in package " + pkg.getName() + " lacks metadata " + missing);
                    continue;
                }
                String id = text(rule, "id");
                String clash = ids.put(id, rule.getName());
                if (clash != null) {
                    problems.add("rule id " + id + " is used by both '" + clash + "' and '" + rule.getName() + "'");
                }
                rules.put(rule.getName(), new RuleInfo(rule.getName(), id, text(rule, "titleZh"), text(rule, "titleEn"), text(rule, "source")));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesetException(problems);
        }
        return new Ruleset(kieBase, versionWithHash(version, files), Map.copyOf(rules));
    }

    private static String folderOf(String name, byte[] bytes) {
        String pkg;
        if (name.endsWith(".xlsx")) {
            pkg = Spreadsheets.rulesetPackage(bytes);
        } else {
            Matcher m = PACKAGE.matcher(new String(bytes, StandardCharsets.UTF_8));
            pkg = m.find() ? m.group(1) : null;
        }
        return pkg == null || pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
    }

    private static String text(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue());
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version and content hash, e.g. {@code 2026.12-1+3f2a...}. */
    public String version() {
        return version;
    }

    public RuleInfo rule(String name) {
        RuleInfo info = rulesByName.get(name);
        if (info == null) {
            throw new IllegalStateException("rule '" + name + "' is not part of ruleset " + version);
        }
        return info;
    }

    public Collection<RuleInfo> rules() {
        return rulesByName.values();
    }

    KieBase kieBase() {
        return kieBase;
    }
}
