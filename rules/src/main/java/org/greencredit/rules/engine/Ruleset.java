package org.greencredit.rules.engine;

import java.io.IOException;
import java.io.InputStream;
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
        Properties properties = new Properties();
        try (InputStream in = Ruleset.class.getResourceAsStream(CLASSPATH_DIR + "ruleset.properties")) {
            if (in == null) {
                throw new IllegalStateException("rules/ruleset.properties is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : properties.getProperty("files", "").split(",")) {
            String name = file.trim();
            try (InputStream in = Ruleset.class.getResourceAsStream(CLASSPATH_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("rule file rules/" + name + " listed in ruleset.properties is not on the classpath");
                }
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return compile(properties.getProperty("version", "unversioned"), files);
    }

    /** Compiles rule sources (file name to DRL text) and checks every rule's metadata. */
    public static Ruleset compile(String version, Map<String, String> files) {
        if (files.isEmpty()) {
            throw new RulesetException(List.of("no rule files"));
        }
        KieServices kie = KieServices.Factory.get();
        KieFileSystem fs = kie.newKieFileSystem();
        // Drools expects a rule file in the folder of its package; the file name alone is what users see.
        files.forEach((name, text) -> fs.write("src/main/resources/" + packageFolder(text) + name, text));
        KieBuilder builder = kie.newKieBuilder(fs).buildAll();
        List<String> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
            problems.add(path + ":" + m.getLine() + ":" + m.getColumn() + ": " + m.getText().trim());
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
        return new Ruleset(kieBase, version + "+" + hash(files), Map.copyOf(rules));
    }

    private static String packageFolder(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1).replace('.', '/') + "/" : "";
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

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Version and content hash, e.g. {@code 2026.11-1+3f2a...}. */
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
